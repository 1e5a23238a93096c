/* The floor of a Haven build: cmark-gfm alone turning the same Markdown into HTML, on every core.
 *
 * usage: cmark-floor THREADS < list-of-files   (one path per line)
 *
 * Reads each file, skips its YAML front matter (a first line "---" up to the next "---"), parses
 * the body with the options and extensions Haven uses (footnotes, smart punctuation; table,
 * strikethrough, autolink, tagfilter, tasklist) and renders it to HTML, which it discards. The
 * files are shared among THREADS threads. Built and timed by scripts/bench.py: no output files,
 * no templates, no checks, so nothing Haven does for a page can be faster than this.
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **paths;
static size_t count, next_index;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const char *extensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, f) != (size_t)size) { free(text); text = NULL; }
    fclose(f);
    if (text) { text[size] = 0; *length = (size_t)size; }
    return text;
}

static const char *body_of(const char *text) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    return end ? end + 5 : text;
}

static void *work(void *unused) {
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&lock);
        size_t i = next_index++;
        pthread_mutex_unlock(&lock);
        if (i >= count) return NULL;
        size_t length;
        char *text = read_file(paths[i], &length);
        if (!text) { fprintf(stderr, "cannot read %s\n", paths[i]); exit(1); }
        const char *body = body_of(text);
        int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART;
        cmark_parser *parser = cmark_parser_new(options);
        for (size_t e = 0; e < sizeof extensions / sizeof *extensions; e++) {
            cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[e]);
            if (ext) cmark_parser_attach_syntax_extension(parser, ext);
        }
        cmark_parser_feed(parser, body, strlen(body));
        cmark_node *root = cmark_parser_finish(parser);
        char *html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser));
        free(html);
        cmark_node_free(root);
        cmark_parser_free(parser);
        free(text);
    }
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 2;
    if (threads < 1) threads = 1;
    size_t capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        if (count == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        paths[count++] = strdup(line);
    }
    cmark_gfm_core_extensions_ensure_registered();
    pthread_t *pool = malloc((size_t)threads * sizeof *pool);
    for (int t = 0; t < threads; t++) pthread_create(&pool[t], NULL, work, NULL);
    for (int t = 0; t < threads; t++) pthread_join(pool[t], NULL);
    printf("%zu files\n", count);
    return 0;
}
