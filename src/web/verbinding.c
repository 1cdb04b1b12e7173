/* verbinding: see verbinding.h. */
#include "web/verbinding.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/store.h"

struct slot {
	bool bezet;
	struct store *st;
};

static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot *slots;
static size_t aantal;
static const char *db_url;
static _Thread_local struct slot *mijn_slot;

int verbinding_init(const char *url, size_t n)
{
	slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	aantal = n;
	db_url = url;
	return 0;
}

struct store *verbinding_store(char *err, size_t errlen)
{
	if (!mijn_slot) {
		pthread_mutex_lock(&slot_lock);
		for (size_t i = 0; i < aantal && !mijn_slot; i++) {
			if (!slots[i].bezet) {
				slots[i].bezet = true;
				mijn_slot = &slots[i];
			}
		}
		pthread_mutex_unlock(&slot_lock);
		if (!mijn_slot) {
			snprintf(err, errlen, "geen vrije databaseverbinding voor deze thread");
			return NULL;
		}
	}
	if (!mijn_slot->st)
		mijn_slot->st = store_open(db_url, err, errlen);
	return mijn_slot->st;
}

void verbinding_vergeet(void)
{
	if (mijn_slot && mijn_slot->st) {
		store_close(mijn_slot->st);
		mijn_slot->st = NULL;
	}
}

void verbinding_sluit_alle(void)
{
	for (size_t i = 0; i < aantal; i++)
		store_close(slots[i].st);
	free(slots);
	slots = NULL;
	aantal = 0;
}
