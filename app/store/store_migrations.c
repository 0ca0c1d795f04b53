/*
 * store_migrations.c: the numbered migrations db/NNN_*.sql, compiled into
 * the binary so that it needs no files at run time. The assembler's .incbin
 * copies each file's bytes (plus a NUL) into read-only data at build time.
 *
 * Adding a migration: write db/NNN_name.sql and add one line to each list
 * below. A shipped migration never changes (databases already carry it).
 */
#include "config.h"
#include "store_internal.h"

#define STORE_MIGRATION(symbol, file)                                                              \
	__asm__(".section .rodata\n"                                                               \
	        ".global " #symbol "\n"                                                            \
	        ".type " #symbol ", @object\n" #symbol ":\n"                                       \
	        ".incbin \"" ANKETA_SOURCE_DIR "/db/" file "\"\n"                                  \
	        ".byte 0\n"                                                                        \
	        ".previous\n")

STORE_MIGRATION(store_migration_001, "001_initial.sql");
STORE_MIGRATION(store_migration_002, "002_survey_source.sql");
STORE_MIGRATION(store_migration_003, "003_school.sql");
STORE_MIGRATION(store_migration_004, "004_class_spelling.sql");
STORE_MIGRATION(store_migration_005, "005_class_flag.sql");
STORE_MIGRATION(store_migration_006, "006_entered.sql");
STORE_MIGRATION(store_migration_007, "007_pin_lock.sql");
STORE_MIGRATION(store_migration_008, "008_kiosk_setup.sql");

extern const char store_migration_001[];
extern const char store_migration_002[];
extern const char store_migration_003[];
extern const char store_migration_004[];
extern const char store_migration_005[];
extern const char store_migration_006[];
extern const char store_migration_007[];
extern const char store_migration_008[];

const char *const store_migrations[] = {
	store_migration_001, store_migration_002, store_migration_003, store_migration_004,
	store_migration_005, store_migration_006, store_migration_007, store_migration_008,
};

const int store_migrations_count = (int)(sizeof store_migrations / sizeof store_migrations[0]);
