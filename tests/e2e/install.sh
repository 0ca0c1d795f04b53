#!/bin/bash
# install.sh: `cmake --install` into a fresh prefix gives a program that
# finds its own surveys, pictures and Russian messages there, not in the
# source tree it was built from.
# usage: install.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
build=$(dirname "$(realpath "$anketa")")
source "$src/tests/e2e/lib.bash"
e2e_need msgunfmt msgfmt
e2e_data_test
p=$tmp/prefix

cmake --install "$build" --prefix "$p" >/dev/null || fail "cmake --install"
for f in bin/anketa share/anketa/surveys/school_day.yaml share/anketa/surveys/programs/shnor.yaml \
	share/anketa/surveys/README.md share/anketa/assets/faces/happy.png \
	share/locale/ru/LC_MESSAGES/anketa.mo share/applications/anketa.desktop; do
	[ -e "$p/$f" ] || fail "not installed: $f"
done
[ ! -e "$p/share/anketa/assets/po" ] || fail "the .po sources were installed"
if command -v desktop-file-validate >/dev/null; then
	desktop-file-validate "$p/share/applications/anketa.desktop" 2>/dev/null ||
		fail "the desktop entry is not valid"
else
	echo "install: the desktop entry was not validated (desktop-file-validate is not installed)"
fi

# The installed surveys are the ones checked by default: one removed there
# (and nowhere else) is missing from the count. The scoring template is
# refused until a school fills it in, so it goes too.
n_src=$(ls "$src"/surveys/*.yaml | wc -l)
rm "$p/share/anketa/surveys/school_day.yaml" "$p/share/anketa/surveys/luskanova_template.yaml"
out=$(LANGUAGE=en "$p/bin/anketa" check "$p/share/anketa/surveys" 2>&1) || fail "check: $out"
[ "$out" = "ok: $((n_src - 2)) surveys, 1 programmes" ] || fail "installed check said: $out"
# Without --surveys, import reads the installed folder: school_day is unknown there.
printf 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at\n,,start,5А,student,,school_day,1,q1,1,,2026-09-15T10:00:00Z\n' >"$tmp/a.csv"
"$p/bin/anketa" import --db "$tmp/a.db" "$tmp/a.csv" >/dev/null 2>"$tmp/err" &&
	fail "import found school_day outside the installed surveys"
grep -q 'school_day' "$tmp/err" || fail "import said: $(cat "$tmp/err")"

# Russian from the installed catalogue: one message changed there shows.
msgunfmt "$p/share/locale/ru/LC_MESSAGES/anketa.mo" -o "$tmp/ru.po"
sed -i 's/^msgstr "базы данных %s не существует"$/msgstr "УСТАНОВЛЕНО: нет базы %s"/' "$tmp/ru.po"
grep -q 'УСТАНОВЛЕНО' "$tmp/ru.po" || fail "the message to change was not found"
msgfmt -o "$p/share/locale/ru/LC_MESSAGES/anketa.mo" "$tmp/ru.po"
err=$("$p/bin/anketa" export answers --db "$tmp/none.db" 2>&1)
[ "$err" = "anketa: УСТАНОВЛЕНО: нет базы $tmp/none.db" ] || fail "installed catalogue not used: $err"
echo "install: ok"
