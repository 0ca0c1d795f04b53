#!/bin/bash
# data_enter.sh: `anketa enter` stores the values of the shipped ШНОР
# programme's indicators that no questionnaire measures (a count with a
# "+2" target against the baseline's plan, N of M people, да / нет); they
# show in the indicators table and the report marked as entered, changes
# are audited, and `anketa merge` brings them into another database once.
# usage: data_enter.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 pdftotext
e2e_data_test
db=$tmp/a.db
enter() { "$anketa" enter --db "$db" --surveys "$src/surveys" shnor "$@"; }

printf 'class,students,parents,flagged\n5А,20,18,1\n5Б,25,22,0\n' >"$tmp/c.csv"
"$anketa" classes --db "$db" "$tmp/c.csv" >/dev/null || fail "classes failed"
# 2.1: 5 events planned (the baseline), 7 held at the first stage (plan + 2).
out=$(enter 2.1 --wave start 5) || fail "enter 2.1 start"
[ "$out" = "сохранено: 2.1, Исходные данные, вся школа: 5" ] ||
	fail "enter said: $out"
enter 2.1 --wave interim 6 >/dev/null || fail "enter 2.1 interim"
out=$(enter 2.1 --wave interim 7) || fail "enter 2.1 interim again"
[ "$out" = "сохранено: 2.1, Стартовый этап мониторинга, вся школа: 7 (было: 6)" ] ||
	fail "a change said: $out"
# 2.2: parents at events; "15" in 5А is 15 of its 18 parents (the class list).
out=$(enter 2.2 --wave interim --class 5а 15) || fail "enter 2.2"
[ "$out" = "сохранено: 2.2, Стартовый этап мониторинга, 5А: 15 из 18" ] || fail "2.2 said: $out"
# 4.4: teachers, always N of M; 5.1: да for the whole school.
enter 4.4 --wave interim 15/20 >/dev/null || fail "enter 4.4"
out=$(enter 5.1 --wave interim да) || fail "enter 5.1"
[ "$out" = "сохранено: 5.1, Стартовый этап мониторинга, вся школа: да" ] || fail "5.1 said: $out"

# Refusals: a usage error (no --wave) is status 2, a bad value status 1,
# each one Russian line, nothing stored.
err=$(enter 2.1 7 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "no wave: wrong status"
[ "$err" = "anketa: нужен --wave ЭТАП: этап, к которому относится значение" ] || fail "no wave said: $err"
err=$(enter 1.1 --wave interim 7 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "a computed indicator: wrong status"
[ "$err" = "anketa: показатель 1.1 считается по анкетам; вводятся только показатели видов count, entered_share и yesno" ] ||
	fail "computed said: $err"
err=$(enter 5.1 --wave interim --class 5А нет 2>&1 >/dev/null)
[ "$err" = "anketa: показатель 5.1 (да / нет) вводится для всей школы, без класса" ] || fail "yes/no with a class said: $err"
err=$(enter 4.4 --wave final 12 2>&1 >/dev/null)
[ "$err" = "anketa: показатель 4.4 вводится как N/M (сколько из скольких): числа людей для него нет в списке классов" ] ||
	fail "N alone said: $err"
err=$(enter 2.2 --wave interim --class 5Б 3 2>&1 >/dev/null)
[ "$err" = "anketa: программа shnor учитывает только классы, отмеченные в списке классов, а 5Б не отмечен" ] ||
	fail "an unflagged class said: $err"
err=$(enter 2.2 --wave final 19 2>&1 >/dev/null)
[ "$err" = "anketa: 19 из 18: больше, чем всех, быть не может" ] || fail "19 of the school's 18 said: $err"
err=$(enter 2.1 --wave autumn 3 2>&1 >/dev/null)
[ "$err" = "anketa: в программе shnor нет этапа autumn" ] || fail "unknown wave said: $err"
err=$("$anketa" enter --db "$db" --surveys "$src/surveys" nope 2.1 --wave start 1 2>&1 >/dev/null)
[ "$err" = "anketa: в $src/surveys/programs нет программы nope" ] || fail "unknown programme said: $err"
[ "$(sqlite3 "$db" "SELECT count(*) FROM entered")" = 6 ] || fail "a refused value was stored"
# Every change is in the audit log, the old value too.
got=$(sqlite3 "$db" "SELECT group_concat(detail, '|') FROM (SELECT detail FROM audit WHERE action = 'enter' ORDER BY id)")
[ "$got" = "shnor 2.1 start *: 5|shnor 2.1 interim *: 6|shnor 2.1 interim *: 7 (was 6)|shnor 2.2 interim 5А: 15/18|shnor 4.4 interim *: 15/20|shnor 5.1 interim *: да" ] ||
	fail "audit: $got"

# The indicators table: values in the column "value", source "entered".
rows() { "$anketa" export indicators --db "$1" --surveys "$src/surveys" | grep -E '^shnor,(2\.1|2\.2|4\.4|5\.1),interim,\*,'; }
want='shnor,2.1,interim,*,,,,7,yes,,entered,Стартовый этап мониторинга,7,,,,
shnor,2.2,interim,*,18,15,83.3,70,yes,,entered,Стартовый этап мониторинга,,,,,
shnor,4.4,interim,*,20,15,75.0,70,yes,,entered,Стартовый этап мониторинга,,,,,
shnor,5.1,interim,*,,,,yes,yes,,entered,Стартовый этап мониторинга,yes,,,,'
[ "$(rows "$db")" = "$want" ] || fail "indicators: $(rows "$db")"
# The report: the cell, the target and where the figure comes from.
"$anketa" report --db "$db" --surveys "$src/surveys" --out "$tmp/r.pdf" 2>/dev/null || fail "report failed"
text=$(pdftotext "$tmp/r.pdf" - | tr '\n' ' ' | tr -s ' ')
for phrase in 'Целевые значения: Стартовый этап мониторинга — план + 2, Итоговый этап мониторинга — план + 4' \
	'Вводит педагог-психолог: число' 'Вводит педагог-психолог: да или нет, для всей школы.'; do
	echo "$text" | grep -qF "$phrase" || fail "the report lacks: $phrase"
done

# Merged into the coordinator's database: once, with the values and their history.
out=$("$anketa" merge --db "$tmp/all.db" "$db") || fail "merge"
[ "$(echo "$out" | tail -1)" = "$db: добавлено введённых значений показателей: 6" ] || fail "merge said: $out"
out=$("$anketa" merge --db "$tmp/all.db" "$db") || fail "merge again"
echo "$out" | grep -q 'введённых' && fail "merging again added values: $out"
[ "$(sqlite3 "$tmp/all.db" "SELECT count(*) FROM entered")" = 6 ] || fail "merge twice changed the count"
# The class list is the school's own and is not merged: with it, the same table.
"$anketa" classes --db "$tmp/all.db" "$tmp/c.csv" >/dev/null || fail "classes of the merged database"
[ "$(rows "$tmp/all.db")" = "$want" ] || fail "merged indicators: $(rows "$tmp/all.db")"
echo "data_enter: ok"
