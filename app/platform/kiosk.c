/*
 * kiosk.c: placeholder until the window and screens land.
 */
#include "kiosk.h"

int
kiosk_run(const KioskOptions *options)
{
	(void)options;
	return 1;
}
