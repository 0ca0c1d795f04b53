#!/usr/bin/env bash
# Every user-facing msgid in app/ has a Russian translation in assets/po/:
# the program defaults to Russian, and an untranslated string would show up
# in English on a school's screen.
#
#   bash tests/lint/translations.sh SOURCE_DIR
set -euo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$tmp/app.pot" $(ls app/*.c app/*/*.c)
msgcat --use-first assets/po/*.po -o "$tmp/all.po"
msgmerge --quiet --no-fuzzy-matching "$tmp/all.po" "$tmp/app.pot" -o "$tmp/merged.po"
missing=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid' || true)
# The PO header is an "untranslated" empty msgid of its own.
if [ "$missing" -gt 1 ]; then
	echo "strings without a Russian translation in assets/po/:" >&2
	msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -v '^"[A-Z][A-Za-z-]*: ' >&2
	exit 1
fi
echo "translations: every string of app/ is translated"
