#!/bin/bash
# data_versions.sh: a sitting is scored with the survey file it was answered
# with. The start wave is imported under version 1 of a survey; the file is
# then changed (version 2: other scores and bands) and the final wave
# imported under it. `anketa export scores` still shows the start wave's
# version-1 levels, indicators say which sittings cannot count, a merged
# copy keeps the files, and a database without the file falls back to the
# current one with a warning in Russian.
# usage: data_versions.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test
mkdir -p "$tmp/surveys/programs"

# Version 1: "Да" scores 1; calm = q1 + q2 + q3 in 0..3: low 0..1, high 2..3.
survey() { # VERSION YES_SCORE LEVELS...
	printf 'id: mood\nversion: %s\ntitle: "Настроение"\naudience: [student]\n' "$1"
	printf 'source: "Написан для тестов Anketa."\nlicense: original\n'
	printf 'option_sets:\n  yn:\n    - {label: "Да", score: %s}\n    - {label: "Нет", score: 0}\n' "$2"
	printf 'questions:\n'
	for q in q1 q2 q3; do printf '  - {id: %s, text: "Вопрос %s?", options: yn}\n' $q $q; done
	printf 'scales:\n  - id: calm\n    title: "Спокойствие"\n    items: [q1, q2, q3]\n'
	printf '    method: sum\n    levels:\n'
	shift 2
	for level in "$@"; do printf '      - %s\n' "$level"; done
}
survey 1 1 '{id: low, label: "Низкий", min: 0, max: 1}' '{id: high, label: "Высокий", min: 2, max: 3}' \
	>"$tmp/surveys/mood.yaml"
cat >"$tmp/surveys/programs/prog.yaml" <<'YAML'
id: prog
title: "Программа"
waves: [start, final]
indicators:
  - {id: "1", title: "Спокойные", survey: mood, scale: calm, levels: [high], kind: share}
  - {id: "2", title: "Не ниже среднего", survey: mood, scale: calm, levels: [medium, high], kind: share}
YAML

head='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
sitting() { # WAVE CODE VERSION A B C TIME
	for i in 1 2 3; do
		eval "v=\${$((3 + i))}"
		printf ',,%s,6А,student,%s,mood,%s,q%s,%s,,2026-09-%s:0%sZ\n' "$1" "$2" "$3" $i "$v" "$7" $i
	done
}
{ echo "$head"; sitting start R1 1 1 1 2 15T10:00; sitting start R2 1 1 2 2 15T11:00; } >"$tmp/start.csv"
{ echo "$head"; sitting final R1 2 1 1 1 20T10:00; sitting final R2 2 1 1 2 20T11:00; } >"$tmp/final.csv"

"$anketa" import --db "$tmp/a.db" --surveys "$tmp/surveys" "$tmp/start.csv" >/dev/null || fail "import start"
# The psychologist changes the file between the waves: "Да" now scores 2,
# calm is 0..6: low 0..2, medium 3..4, high 5..6.
survey 2 2 '{id: low, label: "Низкий", min: 0, max: 2}' '{id: medium, label: "Средний", min: 3, max: 4}' \
	'{id: high, label: "Высокий", min: 5, max: 6}' >"$tmp/surveys/mood.yaml"
"$anketa" check "$tmp/surveys/mood.yaml" >/dev/null || fail "version 2 is not a valid survey"
"$anketa" import --db "$tmp/a.db" --surveys "$tmp/surveys" "$tmp/final.csv" >/dev/null || fail "import final"
[ "$(sqlite3 "$tmp/a.db" "SELECT group_concat(version, ' ') FROM (SELECT version FROM survey_source ORDER BY version)")" = "1 2" ] ||
	fail "the two survey files are not kept"

# Version 1: R1 1+1+0 = 2 high, R2 1+0+0 = 1 low. Version 2: R1 2+2+2 = 6
# high, R2 2+2+0 = 4 medium. (Version 2 would make the start R1 4 medium.)
scores() { cut -d, -f2,5,7-10 | tail -n +2; }
want='start,R1,1,calm,2,high
start,R2,1,calm,1,low
final,R1,2,calm,6,high
final,R2,2,calm,4,medium'
out=$("$anketa" export scores --db "$tmp/a.db" --surveys "$tmp/surveys" 2>"$tmp/err") || fail "export scores"
[ "$(echo "$out" | scores)" = "$want" ] || fail "scores: $out"
[ ! -s "$tmp/err" ] || fail "scores warned: $(cat "$tmp/err")"

# Indicator 1 (high): start 1 of 2 = 50 %, final 1 of 2 = 50 %. Indicator 2
# names "medium", which version 1 lacks: its start wave counts nobody.
out=$("$anketa" export indicators --db "$tmp/a.db" --surveys "$tmp/surveys" 2>"$tmp/err") || fail "export indicators"
[ "$(echo "$out" | grep -v ',\*,' | tail -n +2 | cut -d, -f1-10)" = 'prog,1,start,6А,2,1,50.0,,,
prog,1,final,6А,2,1,50.0,,,
prog,2,start,6А,0,0,,,,
prog,2,final,6А,2,2,100.0,,,' ] || fail "indicators: $out"
[ "$(cat "$tmp/err")" = "anketa: предупреждение: $tmp/surveys/programs/prog.yaml: показатель 2: прохождения mood версии 1 не учитываются, потому что в шкале «calm» этой версии нет уровня «medium»; прохождений: 2" ] ||
	fail "indicators warned: $(cat "$tmp/err")"

# Merged into another database, the files come along: the same scores.
"$anketa" merge --db "$tmp/c.db" "$tmp/a.db" >/dev/null || fail "merge"
"$anketa" merge --db "$tmp/c.db" "$tmp/a.db" >/dev/null || fail "merge again"
[ "$(sqlite3 "$tmp/c.db" "SELECT count(*) FROM survey_source")" = 2 ] || fail "merge did not carry the files once"
out=$("$anketa" export scores --db "$tmp/c.db" --surveys "$tmp/surveys" 2>/dev/null) || fail "export scores of c.db"
[ "$(echo "$out" | scores)" = "$want" ] || fail "scores after merge: $out"

# Without the kept file (a database from before), the current file scores
# the start wave and one Russian line says so.
sqlite3 "$tmp/a.db" "DELETE FROM survey_source WHERE version = 1"
out=$("$anketa" export scores --db "$tmp/a.db" --surveys "$tmp/surveys" 2>"$tmp/err") || fail "export scores, no file"
[ "$(echo "$out" | scores | head -2)" = 'start,R1,1,calm,4,medium
start,R2,1,calm,2,low' ] || fail "fallback scores: $out"
[ "$(cat "$tmp/err")" = "anketa: предупреждение: $tmp/surveys/mood.yaml: прохождения mood версии 1 заполнялись по файлу опросника, которого нет в этой базе данных (они пройдены до того, как Anketa стала сохранять файлы опросников, или перенесены со старого киоска или из CSV-файла): они посчитаны по текущему файлу (версия 2), поэтому баллы могут отличаться от полученных по тому файлу; прохождений: 2" ] ||
	fail "fallback warned: $(cat "$tmp/err")"
sqlite3 "$tmp/a.db" "PRAGMA integrity_check" | grep -qx ok || fail "integrity of a.db"
echo "data_versions: ok"
