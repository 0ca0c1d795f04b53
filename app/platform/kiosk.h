/*
 * kiosk.h: the full-screen respondent kiosk (window, loop, screens).
 */
#ifndef ANKETA_KIOSK_H
#define ANKETA_KIOSK_H

#include <stdbool.h>

typedef struct {
	const char *db_path;
	const char *surveys_dir;
	bool windowed;
	int width; /* 0: the desktop size (full screen) or 1280x800 windowed */
	int height;
	const char *wave; /* preset session; all NULL when not preset */
	const char *class_name;
	const char *audience;
	const char *run;   /* comma-separated survey ids */
	bool read_aloud;   /* read every question aloud (needs a sound card) */
	bool require_code; /* refuse an empty respondent code */
} KioskOptions;

/* Runs the kiosk until it is closed; returns the process exit status. */
int kiosk_run(const KioskOptions *options);

#endif
