"""``python -m tmkit`` runs the same command line as the ``tmkit`` script."""

from tmkit.cli.main import main

if __name__ == "__main__":
    main()
