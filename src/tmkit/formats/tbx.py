"""TBX termbases: :func:`load_tbx` reads TBX 2008/2019 in DCA or DCT style, :func:`write_tbx`
writes TBX-Basic (TBX 2019, DCA). The reader and writer live in their own modules because
they share little beyond the model; import them from here.
"""

from __future__ import annotations

from tmkit.formats.tbx_read import TBX_NAMESPACES, TbxHeader, load_tbx, read_tbx_header
from tmkit.formats.tbx_write import TBX_NAMESPACE, write_tbx

__all__ = ["TBX_NAMESPACE", "TBX_NAMESPACES", "TbxHeader", "load_tbx", "read_tbx_header", "write_tbx"]
