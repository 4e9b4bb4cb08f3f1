#!/usr/bin/env bash
# The tmkit tour on the sample newsroom: build a memory from archived articles, pre-translate a
# new article, check a flawed translation, look up terms. Run by `make demo`; every output file
# lands in demo/out/.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=demo/out
rm -rf "$OUT" && mkdir -p "$OUT"
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "$2"; }

step "1. Build the newsroom memory from 14 archived article triples (en/ru/az)" \
     "tmkit align corpora/articles --src-lang en -o $OUT/newsroom.tmx --review $OUT/align-review.tsv"
tmkit align corpora/articles --src-lang en -o "$OUT/newsroom.tmx" --review "$OUT/align-review.tsv" || exit 1

step "2. What is in it" "tmkit tm stats $OUT/newsroom.tmx"
tmkit tm stats "$OUT/newsroom.tmx" || exit 1

step "3. Import it into the fuzzy-match store" "tmkit tm import $OUT/newsroom.tmx --store $OUT/tm.sqlite"
tmkit tm import "$OUT/newsroom.tmx" --store "$OUT/tm.sqlite" || exit 1

step "4. Pre-translate a new English article into Russian (XLIFF 2.0 for a CAT tool)" \
     "tmkit apply corpora/new/caspian-ferry-launch.en.md --src en --tgt ru --store $OUT/tm.sqlite -o $OUT/caspian-ferry-launch.ru.xlf"
tmkit apply corpora/new/caspian-ferry-launch.en.md --src en --tgt ru --store "$OUT/tm.sqlite" \
      -o "$OUT/caspian-ferry-launch.ru.xlf" || exit 1

step "5. ... and into Azerbaijani (side-by-side Markdown for people without a CAT tool)" \
     "tmkit apply corpora/new/caspian-ferry-launch.en.md --src en --tgt az --store $OUT/tm.sqlite -o $OUT/caspian-ferry-launch.az.md"
tmkit apply corpora/new/caspian-ferry-launch.en.md --src en --tgt az --store "$OUT/tm.sqlite" \
      -o "$OUT/caspian-ferry-launch.az.md" || exit 1

step "6. A closer look at one fuzzy match" \
     "tmkit tm search \"The two ships on the route will each carry up to 1,800 tonnes of cargo and 56 rail wagons.\" --src en --tgt ru --store $OUT/tm.sqlite"
tmkit tm search "The two ships on the route will each carry up to 1,800 tonnes of cargo and 56 rail wagons." \
      --src en --tgt ru --store "$OUT/tm.sqlite" --limit 2 || exit 1

step "7. Check a Russian translation with typical mistakes against its English source" \
     "tmkit check --source corpora/articles/caspian-ferry.en.md --target corpora/review/caspian-ferry.ru.md"
tmkit check --source corpora/articles/caspian-ferry.en.md --target corpora/review/caspian-ferry.ru.md \
      --format text
status=$?
tmkit check --source corpora/articles/caspian-ferry.en.md --target corpora/review/caspian-ferry.ru.md \
      --format sarif -o "$OUT/caspian-ferry.ru.sarif" >/dev/null
echo "(exit code $status: 1 means errors were found, as CI would see it)"
[ "$status" -eq 1 ] || exit 1

step "8. Editors look terms up from any inflected or cased form" \
     "tmkit term lookup форпоста / forpostlarımızda / KTMT-nin / Tiflis"
for query in форпоста forpostlarımızda KTMT-nin Tiflis; do
    tmkit term lookup "$query" || exit 1
    echo
done

printf '\n\033[1m== Output files\033[0m\n'
printf '  %-40s %s\n' \
  "$OUT/newsroom.tmx" "memory built from corpora/articles (TMX 1.4, en/ru/az per unit)" \
  "$OUT/align-review.tsv" "alignment links a person should look at" \
  "$OUT/tm.sqlite" "fuzzy-match store (rebuildable from the TMX)" \
  "$OUT/caspian-ferry-launch.ru.xlf" "XLIFF 2.0 draft: exact matches filled, fuzzy matches attached" \
  "$OUT/caspian-ferry-launch.az.md" "side-by-side Markdown draft" \
  "$OUT/caspian-ferry.ru.sarif" "the QA findings as SARIF 2.1.0 for code scanning"
