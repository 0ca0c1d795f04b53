/*
 * test_outfile.c: report file names a person can find and that never
 * replace an earlier report, the copy to a stick, and where a stick is
 * looked for.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "testutil.h"
#include "util.h"

/* Spaces and what a FAT stick refuses become '_'; Cyrillic stays; a cut
 * never splits a character ("Ш" is 2 bytes: 3 bytes keep 1 letter). */
START_TEST(test_name_part)
{
	char *part = outfile_name_part("Школа № 5 / \"Лицей\": 7?", 100);

	ck_assert_str_eq(part, "Школа_№_5____Лицей___7_");
	free(part);
	part = outfile_name_part("Школа", 3);
	ck_assert_str_eq(part, "Ш");
	free(part);
}
END_TEST

START_TEST(test_report_stem)
{
	char *stem = outfile_report_stem("Отчёт", "Школа № 5", "Итоговый этап", "2026-12-02");

	ck_assert_str_eq(stem, "Отчёт-Школа_№_5-Итоговый_этап-2026-12-02");
	free(stem);
	/* No school named and no wave yet: those parts are left out. */
	stem = outfile_report_stem("Справка", "", NULL, "2026-12-02");
	ck_assert_str_eq(stem, "Справка-2026-12-02");
	free(stem);
}
END_TEST

/* The first name is free; once it is taken the next is -2, then -3. */
START_TEST(test_free_name_never_replaces)
{
	char *dir = testutil_tmpdir(), *path, *want, *copied = NULL, *cause = NULL, *text;

	path = outfile_free_name(dir, "Отчёт-2026-12-02", "pdf");
	want = xasprintf("%s/Отчёт-2026-12-02.pdf", dir);
	ck_assert_str_eq(path, want);
	free(testutil_write_file(dir, "Отчёт-2026-12-02.pdf", "first"));
	free(path);
	free(want);
	path = outfile_free_name(dir, "Отчёт-2026-12-02", "pdf");
	want = xasprintf("%s/Отчёт-2026-12-02-2.pdf", dir);
	ck_assert_str_eq(path, want);
	free(testutil_write_file(dir, "Отчёт-2026-12-02-2.pdf", "second"));
	free(path);
	free(want);
	/* A copy into the same folder finds -3, and the first two stay. */
	path = xasprintf("%s/Отчёт-2026-12-02.pdf", dir);
	ck_assert_msg(outfile_copy(path, dir, &copied, &cause) == 0, "%s", cause);
	want = xasprintf("%s/Отчёт-2026-12-02-3.pdf", dir);
	ck_assert_str_eq(copied, want);
	text = testutil_read_file(copied);
	ck_assert_str_eq(text, "first");
	free(text);
	text = xasprintf("%s/Отчёт-2026-12-02-2.pdf", dir);
	free(want);
	want = testutil_read_file(text);
	ck_assert_str_eq(want, "second");
	free(want);
	free(text);
	free(copied);
	free(path);
	free(dir);
}
END_TEST

/* Folders under the roots that are not mount points are no stick. */
START_TEST(test_no_stick_without_a_mount)
{
	char *dir = testutil_tmpdir(), *sub = xasprintf("%s/user", dir);
	char *stick = xasprintf("%s/user/STICK", dir);

	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(mkdir(stick, 0700), 0);
	setenv("ANKETA_MEDIA_DIRS", dir, 1);
	ck_assert_ptr_null(outfile_media_dir());
	setenv("ANKETA_MEDIA_DIRS", "/nonexistent:/also-not-there", 1);
	ck_assert_ptr_null(outfile_media_dir());
	unsetenv("ANKETA_MEDIA_DIRS");
	free(stick);
	free(sub);
	free(dir);
}
END_TEST

/* A tmpfs mounted at ROOT/user/STICK is a stick; the report is copied
 * onto it under its own name. Mounting needs root: elsewhere the test says
 * so and checks nothing (test_no_stick_without_a_mount still runs). */
START_TEST(test_stick_is_a_mount_point)
{
	char *dir = testutil_tmpdir(), *sub = xasprintf("%s/user", dir);
	char *stick = xasprintf("%s/user/STICK", dir), *found, *copied = NULL, *cause = NULL;
	char *report = testutil_write_file(dir, "Отчёт-2026-12-02.pdf", "%PDF-1.4"), *want;

	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(mkdir(stick, 0700), 0);
	if (geteuid() != 0 || mount("tmpfs", stick, "tmpfs", 0, "size=1m") != 0) {
		printf("test_stick_is_a_mount_point: not checked: mounting a tmpfs needs root\n");
	} else {
		setenv("ANKETA_MEDIA_DIRS", dir, 1);
		found = outfile_media_dir();
		ck_assert_ptr_nonnull(found);
		ck_assert_str_eq(found, stick);
		ck_assert_msg(outfile_copy(report, found, &copied, &cause) == 0, "%s", cause);
		want = xasprintf("%s/Отчёт-2026-12-02.pdf", stick);
		ck_assert_str_eq(copied, want);
		free(want);
		free(copied);
		free(found);
		ck_assert_int_eq(umount(stick), 0);
		unsetenv("ANKETA_MEDIA_DIRS");
	}
	free(report);
	free(stick);
	free(sub);
	free(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("outfile");

	util_i18n_init(NULL);
	tcase_add_test(tc, test_name_part);
	tcase_add_test(tc, test_report_stem);
	tcase_add_test(tc, test_free_name_never_replaces);
	tcase_add_test(tc, test_no_stick_without_a_mount);
	tcase_add_test(tc, test_stick_is_a_mount_point);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
