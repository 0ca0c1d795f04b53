/*
 * speech.h: reading text aloud with espeak-ng's Russian voice through SDL's
 * audio. Synthesis runs on a worker thread, so the screen never waits for
 * it; a new text interrupts the one being read.
 */
#ifndef ANKETA_SPEECH_H
#define ANKETA_SPEECH_H

typedef struct Speech Speech;

/*
 * Starts the worker that will read aloud. Returns NULL when there is no
 * sound card or espeak-ng's data for the voice is not installed: the kiosk
 * then simply has no read-aloud button. The voice itself (about 4 MB) is
 * loaded only when the first text is to be read. voice is an espeak-ng
 * voice name such as "ru".
 */
Speech *speech_create(const char *voice);

/* Reads text aloud, interrupting whatever is being read. */
void speech_say(Speech *speech, const char *text);

/* Stops reading. */
void speech_stop(Speech *speech);

/* Stops, joins the worker and closes the device; NULL is allowed. */
void speech_free(Speech *speech);

#endif
