#!/bin/bash
# `anketa check` as a psychologist runs it: the shipped surveys pass, a bad
# file gets Russian file:line:column messages and exit 1, a wrong example is
# reported, usage errors exit 2, and hostile files never crash it.
# Args: $1 = the anketa binary, $2 = the source tree.
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset LANGUAGE LC_ALL
fail=0

# expect STATUS WHAT COMMAND...: runs COMMAND, keeps stdout/stderr in $tmp.
expect() {
	local want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: exit $got, wanted $want"
		cat "$tmp/out" "$tmp/err"
		fail=1
	fi
}

# contains FILE TEXT WHAT
contains() {
	if ! grep -qF -- "$2" "$1"; then
		echo "FAIL: $3: no «$2» in:"
		cat "$1"
		fail=1
	fi
}

# The shipped surveys pass but for the one scoring template, whose wording and
# keys a school fills in from its licensed copy: refused at its marker.
expect 1 "shipped surveys" "$anketa" check --surveys "$src/surveys" "$src/surveys"
[ "$(grep -c . "$tmp/err")" -eq 2 ] && grep -q "^$src/surveys/luskanova_template.yaml:[0-9]*:14: анкета — шаблон" "$tmp/err" ||
	{ echo "FAIL: shipped surveys: more than the template refused:"; cat "$tmp/err"; fail=1; }
contains "$tmp/err" "найдено проблем: 1; файлов с проблемами: 1 из" "shipped surveys summary"
mkdir "$tmp/shipped"
cp "$src"/surveys/*.yaml "$tmp/shipped/"
rm "$tmp/shipped/luskanova_template.yaml"
expect 0 "shipped surveys without the template" "$anketa" check "$tmp/shipped"
contains "$tmp/out" "ok: опросников — " "shipped surveys summary"

cat >"$tmp/bad.yaml" <<'YAML'
id: bad
version: 1
titel: "Опрос"
audience: [student]
source: "тест"
license: original
questions:
  - id: q1
    text: "Вопрос"
    options: [{label: "Да", score: 1}, {label: "Нет"}]
scales:
  - id: s
    title: "Шкала"
    items: [q1, q9]
    method: sum
YAML
expect 1 "bad survey" "$anketa" check "$tmp/bad.yaml"
contains "$tmp/err" "$tmp/bad.yaml:1:1: нет поля «title»" "missing title"
contains "$tmp/err" "$tmp/bad.yaml:3:1: неизвестное поле «titel»; может быть, имелось в виду «title»?" "unknown field"
contains "$tmp/err" "$tmp/bad.yaml:10:40: вопрос q1, вариант ответа 2: нет поля «score»" "option without score"
contains "$tmp/err" "$tmp/bad.yaml:14:17: шкала s: неизвестный пункт «q9»" "unknown item"
contains "$tmp/err" "найдено проблем: 4; файлов с проблемами: 1 из 1" "summary"

printf 'id: t\ntitle: "open\n' >"$tmp/quote.yaml"
expect 1 "unclosed quote" "$anketa" check "$tmp/quote.yaml"
contains "$tmp/err" "$tmp/quote.yaml:3:1: ошибка в разметке YAML: файл неожиданно закончился" "syntax error"

sed 's/expect: {day: {value: 8, level: good}}/expect: {day: {value: 7, level: good}}/' \
	"$src/surveys/school_day.yaml" >"$tmp/day.yaml"
expect 1 "wrong example" "$anketa" check "$tmp/day.yaml"
contains "$tmp/err" "пример «все лучшие ответы»: шкала day: ожидалось 7, получилось 8" "example mismatch"

# A template whose wording and keys are still placeholders is refused where
# its marker stands; without the marker the same file passes.
sed 's/^license: original$/license: school-supplied\nplaceholder: true/' \
	"$src/surveys/school_day.yaml" >"$tmp/template.yaml"
line=$(grep -n '^placeholder: true$' "$tmp/template.yaml" | cut -d: -f1)
expect 1 "a template still holding placeholders" "$anketa" check "$tmp/template.yaml"
contains "$tmp/err" "$tmp/template.yaml:$line:14: анкета — шаблон: её текст и ключи ещё не заполнены" \
	"placeholder refused"
grep -v '^placeholder: true$' "$tmp/template.yaml" >"$tmp/filled.yaml"
expect 0 "a template filled in" "$anketa" check "$tmp/filled.yaml"

mkdir -p "$tmp/programs"
cat >"$tmp/programs/p.yaml" <<'YAML'
id: p
title: "Программа"
waves: [start, final]
indicators:
  - {id: "1", title: "Т", kind: share, survey: school_day, scale: day, levels: [great]}
YAML
expect 1 "programme with a bad level" "$anketa" check --surveys "$src/surveys" "$tmp/programs"
contains "$tmp/err" "p.yaml:5:5: показатель 1: у шкалы day опросника school_day нет уровня «great»" "level reference"
# With an empty surveys folder the programme finds school_day only because
# it is named on the same command line.
mkdir -p "$tmp/nosurveys" "$tmp/p2"
sed 's/levels: \[great\]/levels: [good, mixed]/' "$tmp/programs/p.yaml" >"$tmp/p2/p2.yaml"
expect 1 "programme without its survey" "$anketa" check --surveys "$tmp/nosurveys" "$tmp/p2/p2.yaml"
contains "$tmp/err" "p2.yaml:5:5: показатель 1: нет опросника «school_day»" "unknown survey"
expect 0 "programme resolved against the command line" \
	"$anketa" check --surveys "$tmp/nosurveys" "$src/surveys/school_day.yaml" "$tmp/p2/p2.yaml"
contains "$tmp/out" "ok: опросников — 1, программ — 1" "programme summary"
# A folder brings its programs/ folder along; naming both, or a file twice
# under two spellings, checks each file once.
cp -r "$tmp/p2" "$tmp/both"
mkdir "$tmp/both/programs" && mv "$tmp/both/p2.yaml" "$tmp/both/programs/"
cp "$src/surveys/school_day.yaml" "$tmp/both/"
expect 0 "a folder and its programs/ folder" \
	"$anketa" check --surveys "$tmp/nosurveys" "$tmp/both/" "$tmp/both/programs" \
	"$tmp/both/./school_day.yaml"
contains "$tmp/out" "ok: опросников — 1, программ — 1" "each file counted once"
expect 1 "unreadable surveys folder" "$anketa" check --surveys "$tmp/missing" "$tmp/p2/p2.yaml"
contains "$tmp/err" "$tmp/missing: не удаётся прочитать папку с опросниками" "missing folder"

# The programme's waves, targets, entered indicators, min_change and min_n,
# each problem in Russian at its line and column.
mkdir "$tmp/prog3"
cat >"$tmp/prog3/p.yaml" <<'YAML'
id: p3
title: P
classes: some
waves:
  - {id: start, title: Исходные данные}
  - interim
indicators:
  - {id: a, title: A, kind: share, survey: school_day, scale: day, levels: [good], targets: {start: 50, later: 70}}
  - {id: b, title: B, kind: share, survey: school_day, scale: day, levels: [good], targets: {interim: "+2"}}
  - {id: c, title: C, kind: count, survey: school_day, min_change: 5}
  - {id: d, title: D, kind: yesno, targets: {interim: 50}, min_n: 3}
YAML
expect 1 "programme errors" "$anketa" check --surveys "$src/surveys" "$tmp/prog3/p.yaml"
want="$tmp/prog3/p.yaml:3:10: неизвестное значение «classes» «some»; укажите flagged (только классы, отмеченные в списке классов) или all
$tmp/prog3/p.yaml:8:94: показатель a: первый этап «start» — исходные данные, у него нет целевого значения; целевые значения задаются для этапов мониторинга после него
$tmp/prog3/p.yaml:8:105: показатель a: неизвестный этап «later»; этапы программы перечислены в поле «waves»
$tmp/prog3/p.yaml:9:103: показатель b: «+2» — целевое значение для количества (плановое число плюс N); у показателя вида share целевое значение — процент
$tmp/prog3/p.yaml:10:44: показатель c: показатель вида count вводит педагог-психолог, у него нет поля «survey»
$tmp/prog3/p.yaml:10:68: показатель c: «min_change» — наименьший рост доли в процентных пунктах; у показателя вида count такого изменения нет
$tmp/prog3/p.yaml:11:55: показатель d: целевое значение показателя да/нет — да или нет, а не «50»
$tmp/prog3/p.yaml:11:67: показатель d: «min_n» — наименьшее число ответивших, при котором доля что-то значит; показатель вида yesno ответивших не считает"
[ "$(grep -F "$tmp/prog3/" "$tmp/err")" = "$want" ] || {
	echo "FAIL: programme errors said: $(cat "$tmp/err")"
	fail=1
}

expect 2 "no arguments" "$anketa" check
expect 2 "unknown option" "$anketa" check --colour x

# Hostile input: each must give exit 1 with a message, never a crash.
head -c 4096 /dev/urandom >"$tmp/random.yaml"
head -c 20000000 /dev/zero | tr '\0' 'a' >"$tmp/huge.yaml"
python3 -c "print('a: ' + '[' * 200000 + ']' * 200000)" >"$tmp/deep.yaml"
python3 -c "print('a: ' + '{b: ' * 50000 + '1' + '}' * 50000)" >"$tmp/deepmap.yaml"
printf 'a: &x [*x, *x]\nb: *x\n' >"$tmp/alias.yaml"
printf 'id: t\nversion: 1e400\ntitle: x\naudience: [student]\nsource: s\nlicense: original\nquestions: [{id: q, text: t, min: 1e999, options: [{label: a, score: 99999999999999999999999999}]}]\n' >"$tmp/numbers.yaml"
: >"$tmp/empty.yaml"
printf -- '--- \n---\nid: x\n' >"$tmp/docs.yaml"
head -c 700 "$src/surveys/school_day.yaml" | head -n -1 >"$tmp/truncated.yaml"
for f in random huge deep deepmap alias numbers empty docs truncated; do
	expect 1 "hostile $f" "$anketa" check "$tmp/$f.yaml"
	[ -s "$tmp/err" ] || { echo "FAIL: hostile $f: no message"; fail=1; }
done

# A survey or programme file saved in another encoding: the line and column
# of the first byte that is not UTF-8, like every other problem.
printf 'id: t\nversion: 1\ntitle: "Школа \xe9t\xe9"\n' >"$tmp/latin1.yaml"
mkdir -p "$tmp/cp/programs"
printf 'id: p\ntitle: "\xcf\xf0\xee\xe3\xf0\xe0\xec\xec\xe0"\n' >"$tmp/cp/programs/cp1251.yaml"
for f in latin1.yaml:3:15:e9 cp/programs/cp1251.yaml:2:9:cf; do
	IFS=: read -r file line col byte <<<"$f"
	want="$tmp/$file:$line:$col: файл не в кодировке UTF-8 (здесь байт 0x$byte); сохраните его в UTF-8"
	expect 1 "not UTF-8: $file" "$anketa" check "$tmp/$file"
	grep -qxF "$want" "$tmp/err" || { echo "FAIL: not UTF-8: $file said: $(cat "$tmp/err")"; fail=1; }
done

exit $fail
