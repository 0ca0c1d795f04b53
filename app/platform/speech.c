/*
 * speech.c: espeak-ng in synchronous mode on a worker thread, its samples
 * queued to an SDL audio device as they come. The voice is loaded by the
 * worker when the first text arrives.
 */
#include "speech.h"

#include <SDL.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* The rate espeak-ng synthesises at (its voices are made for it). */
#define SPEECH_RATE 22050

struct Speech {
	SDL_AudioDeviceID device; /* open only while speaking: 0 otherwise */
	SDL_Thread *worker;
	SDL_mutex *lock;
	SDL_cond *wake;
	char *voice;         /* espeak-ng's voice name, loaded on the first text */
	int loaded;          /* 0 not yet, 1 loaded, -1 failed (worker thread only) */
	char *pending;       /* the next text to read, or NULL */
	unsigned generation; /* bumped by every say/stop: older synthesis stops */
	bool quit;
};

/* The synthesis in progress belongs to this generation (worker thread only). */
static unsigned speech_current;
static Speech *speech_active;

/* espeak-ng hands over samples as it makes them; 1 stops the synthesis. */
static int
speech_samples(short *wav, int n, espeak_EVENT *events)
{
	Speech *s = speech_active;
	bool stale;

	(void)events;
	SDL_LockMutex(s->lock);
	stale = s->quit || s->generation != speech_current;
	SDL_UnlockMutex(s->lock);
	if (stale)
		return 1;
	if (wav != NULL && n > 0)
		SDL_QueueAudio(s->device, wav, (Uint32)n * sizeof *wav);
	return 0;
}

/* An audio device for mono 16-bit speech, or 0 when there is no sound card. */
static SDL_AudioDeviceID
speech_open_device(void)
{
	SDL_AudioSpec want = { 0 }, have;

	want.freq = SPEECH_RATE;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = 2048;
	return SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
}

/* Waits until what was queued has been played (or a new request came), then
 * closes the device: an open one plays silence, and an idle kiosk should
 * use no CPU at all. */
static void
speech_drain(Speech *s, unsigned generation)
{
	SDL_LockMutex(s->lock);
	while (!s->quit && s->generation == generation && SDL_GetQueuedAudioSize(s->device) > 0)
		SDL_CondWaitTimeout(s->wake, s->lock, 50);
	if (s->generation == generation && s->device != 0) {
		SDL_CloseAudioDevice(s->device);
		s->device = 0;
	}
	SDL_UnlockMutex(s->lock);
}

/* Loads espeak-ng's data and the voice (worker thread only): about 4 MB,
 * which a kiosk whose children never ask for the voice does without. It
 * takes a few milliseconds, so the first text is not noticeably later.
 * Once loaded it stays: espeak-ng does not survive being started twice. */
static bool
speech_load(Speech *s)
{
	if (s->loaded == 0) {
		int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, 0);

		s->loaded = -1;
		if (rate == SPEECH_RATE && espeak_SetVoiceByName(s->voice) == EE_OK) {
			espeak_SetSynthCallback(speech_samples);
			espeak_SetParameter(espeakRATE, 150, 0); /* a little slower than adults */
			s->loaded = 1;
		} else if (rate > 0) {
			espeak_Terminate(); /* for good: espeak-ng hangs if started again */
		}
	}
	return s->loaded == 1;
}

/* Synthesises text into the device (opened if need be) and waits until it
 * has played. */
static void
speech_read(Speech *s, const char *text, unsigned generation)
{
	SDL_LockMutex(s->lock);
	if (s->device == 0)
		s->device = speech_open_device();
	SDL_PauseAudioDevice(s->device, 0);
	SDL_UnlockMutex(s->lock);
	espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
	speech_drain(s, generation);
}

static int
speech_worker(void *arg)
{
	Speech *s = arg;

	for (;;) {
		char *text;
		unsigned generation;

		SDL_LockMutex(s->lock);
		while (!s->quit && s->pending == NULL)
			SDL_CondWait(s->wake, s->lock);
		if (s->quit) {
			SDL_UnlockMutex(s->lock);
			return 0;
		}
		text = s->pending;
		s->pending = NULL;
		generation = speech_current = s->generation;
		SDL_UnlockMutex(s->lock);
		if (speech_load(s))
			speech_read(s, text, generation);
		free(text);
	}
}

/* Whether espeak-ng's data and the voice's dictionary are installed, without
 * loading them (that waits for the first text). */
static bool
speech_data_present(const char *voice)
{
	const char *dir = NULL;
	char *phonemes, *dictionary;
	bool present;

	espeak_ng_InitializePath(NULL);
	espeak_Info(&dir);
	if (dir == NULL)
		return false;
	phonemes = xasprintf("%s/phondata", dir);
	dictionary = xasprintf("%s/%s_dict", dir, voice);
	present = access(phonemes, R_OK) == 0 && access(dictionary, R_OK) == 0;
	free(phonemes);
	free(dictionary);
	return present;
}

Speech *
speech_create(const char *voice)
{
	SDL_AudioDeviceID device;
	Speech *s;

	if (speech_active != NULL)
		return NULL; /* espeak-ng has one voice per process */
	/* The sound card first: without one, espeak-ng's data is not loaded. */
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
		return NULL;
	device = speech_open_device();
	if (device == 0) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return NULL;
	}
	SDL_CloseAudioDevice(device);
	if (!speech_data_present(voice)) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->voice = xstrdup(voice);
	s->lock = SDL_CreateMutex();
	s->wake = SDL_CreateCond();
	speech_active = s;
	s->worker = SDL_CreateThread(speech_worker, "speech", s);
	return s;
}

void
speech_say(Speech *s, const char *text)
{
	if (s == NULL)
		return;
	SDL_LockMutex(s->lock);
	free(s->pending);
	s->pending = xstrdup(text);
	s->generation++;
	if (s->device != 0)
		SDL_ClearQueuedAudio(s->device);
	SDL_CondSignal(s->wake);
	SDL_UnlockMutex(s->lock);
}

void
speech_stop(Speech *s)
{
	if (s == NULL)
		return;
	SDL_LockMutex(s->lock);
	free(s->pending);
	s->pending = NULL;
	s->generation++;
	if (s->device != 0)
		SDL_ClearQueuedAudio(s->device);
	SDL_UnlockMutex(s->lock);
}

void
speech_free(Speech *s)
{
	if (s == NULL)
		return;
	SDL_LockMutex(s->lock);
	s->quit = true;
	SDL_CondSignal(s->wake);
	SDL_UnlockMutex(s->lock);
	SDL_WaitThread(s->worker, NULL);
	if (s->device != 0)
		SDL_CloseAudioDevice(s->device);
	SDL_QuitSubSystem(SDL_INIT_AUDIO);
	if (s->loaded == 1)
		espeak_Terminate();
	SDL_DestroyCond(s->wake);
	SDL_DestroyMutex(s->lock);
	free(s->pending);
	free(s->voice);
	speech_active = NULL;
	free(s);
}
