/*
 * test_ui_textcache.c: the cache of rendered text: keys, least recently
 * used eviction by generation, the byte budget, values released.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "textcache.h"

/* Values are ints counted by this release callback. */
static int released;

static void
release_count(void *value)
{
	(void)value;
	released++;
}

static int values[16];

START_TEST(an_added_entry_is_found_with_its_value)
{
	TextCache c;
	TextEntry *e;

	textcache_init(&c, 8, 1000, release_count);
	ck_assert_ptr_null(textcache_find(&c, "Да", strlen("Да"), 7));
	e = textcache_add(&c, "Да", strlen("Да"), 7, &values[0], 30, 40, 100);
	ck_assert_int_eq(e->w, 30);
	e = textcache_find(&c, "Да", strlen("Да"), 7);
	ck_assert_ptr_nonnull(e);
	ck_assert_ptr_eq(e->value, &values[0]);
	ck_assert_int_eq(e->h, 40);
	ck_assert_str_eq(e->text, "Да");
	ck_assert_uint_eq(c.hits, 1);
	ck_assert_uint_eq(c.misses, 1);
	/* "Да" is 4 bytes of UTF-8: 100 + 4 bytes held. */
	ck_assert_uint_eq(c.bytes, 104);
	released = 0;
	textcache_free(&c);
	ck_assert_int_eq(released, 1);
}
END_TEST

START_TEST(keys_differ_by_bytes_length_and_style)
{
	TextCache c;

	textcache_init(&c, 16, 1000, NULL);
	textcache_add(&c, "abc", 3, 1, &values[0], 1, 1, 0);
	/* A prefix of the same text (as wrapping measures) is its own key. */
	ck_assert_ptr_null(textcache_find(&c, "abc", 2, 1));
	ck_assert_ptr_null(textcache_find(&c, "abd", 3, 1));
	ck_assert_ptr_null(textcache_find(&c, "abc", 3, 2));
	textcache_add(&c, "abc", 2, 1, &values[1], 2, 2, 0);
	textcache_add(&c, "abc", 3, 2, &values[2], 3, 3, 0);
	ck_assert_ptr_eq(textcache_find(&c, "abc", 3, 1)->value, &values[0]);
	ck_assert_ptr_eq(textcache_find(&c, "ab", 2, 1)->value, &values[1]);
	ck_assert_ptr_eq(textcache_find(&c, "abc", 3, 2)->value, &values[2]);
	ck_assert_int_eq(c.n_entries, 3);
	textcache_free(&c);
}
END_TEST

START_TEST(over_budget_the_oldest_generations_go_first)
{
	TextCache c;

	textcache_init(&c, 8, 100, release_count);
	released = 0;
	textcache_add(&c, "a", 1, 0, &values[0], 1, 1, 40); /* generation 0: 41 bytes */
	textcache_next_generation(&c);
	textcache_next_generation(&c);
	textcache_add(&c, "b", 1, 0, &values[1], 1, 1, 20); /* generation 2: 62 bytes */
	textcache_next_generation(&c);
	textcache_add(&c, "c", 1, 0, &values[2], 1, 1, 20); /* generation 3: 83 bytes */
	ck_assert_int_eq(released, 0);
	/* 83 + 41 > 100: evict from the oldest until the new one fits within
	 * three quarters of the budget (75): "a" (age 3) leaves 42, and 42 + 41
	 * is still over 75, but "b" (age 1) is of the previous generation and
	 * stays, and "c" is current. */
	textcache_add(&c, "d", 1, 0, &values[3], 1, 1, 40);
	ck_assert_int_eq(released, 1);
	ck_assert_uint_eq(c.evicted, 1);
	ck_assert_ptr_null(textcache_find(&c, "a", 1, 0));
	ck_assert_ptr_nonnull(textcache_find(&c, "b", 1, 0));
	ck_assert_ptr_nonnull(textcache_find(&c, "c", 1, 0));
	ck_assert_ptr_nonnull(textcache_find(&c, "d", 1, 0));
	ck_assert_uint_eq(c.bytes, 21 + 21 + 41);
	textcache_free(&c);
	ck_assert_int_eq(released, 4);
}
END_TEST

START_TEST(an_entry_used_again_is_kept)
{
	TextCache c;

	textcache_init(&c, 8, 100, NULL);
	textcache_add(&c, "a", 1, 0, NULL, 1, 1, 30);
	textcache_add(&c, "b", 1, 0, NULL, 1, 1, 30);
	for (int i = 0; i < 5; i++)
		textcache_next_generation(&c);
	ck_assert_ptr_nonnull(textcache_find(&c, "a", 1, 0)); /* used in generation 5 */
	/* 62 + 51 > 100: "b" (age 5) goes, 31 + 51 = 82 is still over 75 but
	 * "a" was used in this generation. */
	textcache_add(&c, "c", 1, 0, NULL, 1, 1, 50);
	ck_assert_ptr_null(textcache_find(&c, "b", 1, 0));
	ck_assert_ptr_nonnull(textcache_find(&c, "a", 1, 0));
	ck_assert_ptr_nonnull(textcache_find(&c, "c", 1, 0));
	textcache_free(&c);
}
END_TEST

START_TEST(a_full_table_evicts_even_the_current_generation)
{
	TextCache c;
	char key[2] = "a";
	int found = 0;

	textcache_init(&c, 8, 1000, NULL);
	/* 8 slots hold at most 6 entries (three quarters). */
	for (int i = 0; i < 6; i++) {
		key[0] = (char)('a' + i);
		textcache_add(&c, key, 1, 0, NULL, i, 1, 0);
	}
	ck_assert_uint_eq(c.evicted, 0);
	textcache_add(&c, "z", 1, 0, NULL, 26, 1, 0);
	ck_assert_uint_eq(c.evicted, 1);
	ck_assert_int_eq(c.n_entries, 6);
	for (int i = 0; i < 6; i++) {
		key[0] = (char)('a' + i);
		found += textcache_find(&c, key, 1, 0) != NULL;
	}
	ck_assert_int_eq(found, 5);
	ck_assert_int_eq(textcache_find(&c, "z", 1, 0)->w, 26);
	textcache_free(&c);
}
END_TEST

START_TEST(the_table_size_is_a_power_of_two)
{
	TextCache c;

	textcache_init(&c, 100, 1000, NULL);
	ck_assert_int_eq(c.n_slots, 128);
	textcache_free(&c);
	textcache_init(&c, 1, 1000, NULL);
	ck_assert_int_eq(c.n_slots, 8);
	textcache_free(&c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ui_textcache");
	TCase *tc = tcase_create("textcache");

	tcase_add_test(tc, an_added_entry_is_found_with_its_value);
	tcase_add_test(tc, keys_differ_by_bytes_length_and_style);
	tcase_add_test(tc, over_budget_the_oldest_generations_go_first);
	tcase_add_test(tc, an_entry_used_again_is_kept);
	tcase_add_test(tc, a_full_table_evicts_even_the_current_generation);
	tcase_add_test(tc, the_table_size_is_a_power_of_two);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
