/* strings.c - many small heap strings: build, concatenate, hash, free (allocator heavy).
 * usage: strings [n]   (default 1200000 rounds)
 * Each round makes a key string from a number, stores a malloc'ed copy in an
 * open hash table of chained nodes, occasionally grows a "sentence" by
 * concatenating keys with realloc, and evicts older entries so malloc/free
 * churn stays high while the live set stays bounded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct node { struct node *next; char *key; char *val; uint32_t hash; } node_t;

#define NBUCKET 65536
#define LIVE 50000

static node_t *table[NBUCKET];
static long live;

static uint32_t fnv(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
  return h;
}

/* base-36 rendering of v, with a prefix; returns a fresh malloc'ed string */
static char *make_key(const char *prefix, uint32_t v) {
  char digits[16]; int nd = 0;
  do { uint32_t d = v % 36; digits[nd++] = (char)(d < 10 ? '0' + d : 'a' + d - 10); v /= 36; } while (v);
  size_t pl = strlen(prefix);
  char *s = malloc(pl + nd + 1);
  memcpy(s, prefix, pl);
  for (int i = 0; i < nd; i++) s[pl + i] = digits[nd - 1 - i];
  s[pl + nd] = 0;
  return s;
}

static char *concat3(const char *a, const char *sep, const char *b) {
  size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
  char *s = malloc(la + ls + lb + 1);
  memcpy(s, a, la); memcpy(s + la, sep, ls); memcpy(s + la + ls, b, lb + 1);
  return s;
}

static void put(char *key, char *val) {
  uint32_t h = fnv(key);
  node_t **slot = &table[h & (NBUCKET - 1)];
  for (node_t *p = *slot; p; p = p->next)
    if (p->hash == h && strcmp(p->key, key) == 0) { free(p->val); p->val = val; free(key); return; }
  node_t *nd = malloc(sizeof *nd);
  nd->key = key; nd->val = val; nd->hash = h; nd->next = *slot; *slot = nd; live++;
}

static int del(const char *key) {
  uint32_t h = fnv(key);
  for (node_t **pp = &table[h & (NBUCKET - 1)]; *pp; pp = &(*pp)->next) {
    node_t *p = *pp;
    if (p->hash == h && strcmp(p->key, key) == 0) {
      *pp = p->next; free(p->key); free(p->val); free(p); live--; return 1;
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 1200000L;
  uint32_t rng = 88172645u;
  char *sentence = malloc(1); sentence[0] = 0; size_t slen = 0, scap = 1;
  uint64_t acc = 0; long deleted = 0, sentences = 0;
  for (long r = 0; r < rounds; r++) {
    rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
    uint32_t id = rng % 200000u;
    char *k = make_key("key-", id);
    char *v1 = make_key("v", (uint32_t)r);
    char *v = concat3(v1, ":", k);
    free(v1);
    put(k, v);
    /* grow a sentence; every 64 words hash it and start over */
    char *w = make_key(" w", id * 2654435761u);
    size_t wl = strlen(w);
    if (slen + wl + 1 > scap) { scap = (slen + wl + 1) * 3 / 2; sentence = realloc(sentence, scap); }
    memcpy(sentence + slen, w, wl + 1); slen += wl; free(w);
    if ((r & 63) == 63) {
      acc = acc * 31 + fnv(sentence) + slen; sentences++;
      free(sentence); sentence = malloc(1); sentence[0] = 0; slen = 0; scap = 1;
    }
    /* evict to keep the live set bounded */
    while (live > LIVE) {
      rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
      char *dk = make_key("key-", rng % 200000u);
      deleted += del(dk);
      free(dk);
    }
  }
  /* fold the surviving table contents in bucket order */
  uint64_t tab = 0; long count = 0;
  for (int b = 0; b < NBUCKET; b++)
    for (node_t *p = table[b]; p; p = p->next) { tab = tab * 1000003u ^ fnv(p->val); count++; }
  printf("strings rounds=%ld live=%ld deleted=%ld sentences=%ld acc=%016llx table=%016llx\n",
         rounds, count, deleted, sentences, (unsigned long long)acc, (unsigned long long)tab);
  for (int b = 0; b < NBUCKET; b++) {
    node_t *p = table[b];
    while (p) { node_t *n = p->next; free(p->key); free(p->val); free(p); p = n; }
    table[b] = 0; /* jwasm benchmarks: leave the table empty so main can run again in the same process */
  }
  live = 0;
  free(sentence);
  return 0;
}
