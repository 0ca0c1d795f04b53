/*
 * store_lock.c: one kiosk per database. A kiosk holds an exclusive flock()
 * on the file "<database>.lock" beside the database for as long as its
 * store is open. The kernel lets go of it when the process ends in any way
 * (a crash, SIGKILL, a power cut), so a lock that can be taken means that
 * no kiosk is running on the database any more.
 *
 * Why a lock file rather than SQLite's own locking: SQLite's exclusive
 * locking mode would also keep out the readers (`anketa export` while the
 * kiosk runs), and its locks come and go with transactions; the kiosk's
 * claim has to last its whole life.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "store_internal.h"
#include "util.h"

int
store_lock_kiosk(Store *store, char **cause)
{
	char *path;
	int fd;

	if (store->kiosk_locked)
		return 0;
	if (strcmp(store->path, ":memory:") == 0) { /* nobody else can open it */
		store->lock_fd = -1;
		store->kiosk_locked = true;
		return 0;
	}
	path = xasprintf("%s.lock", store->path);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		*cause = xasprintf(_("cannot create the lock file %s: %s"), path, strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int busy = errno == EWOULDBLOCK;
		*cause =
		    busy ? xasprintf(_("another Anketa kiosk is already running on the database "
		                       "%s; this one was not started"),
		                     store->path)
		         : xasprintf(_("cannot lock the database %s: %s"), store->path,
		                     strerror(errno));
		close(fd);
		return busy ? 1 : -1;
	}
	store->lock_fd = fd;
	store->kiosk_locked = true;
	return 0;
}

void
store_unlock_kiosk(Store *store)
{
	if (!store->kiosk_locked)
		return;
	if (store->lock_fd >= 0)
		close(store->lock_fd); /* closing the only descriptor lets go of the flock */
	store->lock_fd = -1;
	store->kiosk_locked = false;
}
