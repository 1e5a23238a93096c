#ifndef HAVEN_VIPS_SHIM_H
#define HAVEN_VIPS_SHIM_H
// libvips (Debian: libvips-dev; Homebrew: vips). Only Sources/HavenKit/Media/Vips.swift calls it.
//
// The few libvips functions Haven calls are declared here from the libvips 8 C API (stable since
// 8.0) instead of including <vips/vips.h>: that header needs glib's include folders, which only
// pkg-config knows, and SwiftPM refuses the `-pthread` flag pkg-config adds for glib (a warning on
// every build). Swift cannot call C's variadic functions, so the calls that take options are
// wrapped below, each with its options fixed.
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct _VipsImage VipsImage;

int vips_init(const char *argv0);
void vips_block_untrusted_set(int state);
void vips_cache_set_max(int max);
void vips_concurrency_set(int concurrency);
int vips_version(int flag);
const char *vips_error_buffer(void);
void vips_error_clear(void);
const char *vips_foreign_find_load_buffer(const void *data, size_t size);
VipsImage *vips_image_new_from_buffer(const void *buf, size_t len, const char *option_string, ...);
int vips_thumbnail_buffer(void *buf, size_t len, VipsImage **out, int width, ...);
int vips_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_pngsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_webpsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_gifsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_image_get_width(const VipsImage *image);
int vips_image_get_height(const VipsImage *image);
unsigned long vips_image_get_typeof(const VipsImage *image, const char *name);
int vips_image_get_int(VipsImage *image, const char *name, int *out);
char **vips_image_get_fields(VipsImage *image);
int vips_image_remove(VipsImage *image, const char *name);
int vips_copy(VipsImage *in, VipsImage **out, ...);
void g_object_unref(void *object);
void g_free(void *mem);
void g_strfreev(char **str_array);

// libvips enum values and limits used below (VipsAccess, VipsSize).
enum {
    HAVEN_VIPS_ACCESS_SEQUENTIAL = 1,
    HAVEN_VIPS_SIZE_DOWN = 2,
    HAVEN_VIPS_MAX_COORD = 10000000,
};

/// Starts libvips once: only trusted loaders (no SVG, PDF or ImageMagick), no operation cache
/// (every image is seen once per build), one worker thread per image (Haven runs images in parallel).
/// libvips' own warnings (a truncated file's "error in tile") are silenced: Haven reports the
/// failure itself, with the file.
static inline int haven_vips_start(void) {
    setenv("VIPS_WARNING", "0", 0);
    if (vips_init("haven")) return -1;
    vips_block_untrusted_set(1);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    return 0;
}

/// The header of an image in memory (nothing is decoded yet); NULL when libvips cannot read it.
static inline VipsImage *haven_vips_header(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", "access", HAVEN_VIPS_ACCESS_SEQUENTIAL, NULL);
}

/// The image decoded (every frame when `frames`), turned upright, converted to sRGB when it embeds
/// a colour profile, shrunk to `width` (never enlarged); decoding fails on a truncated file.
/// NULL on failure. Lazy: the pixels are decoded when the result is saved.
static inline VipsImage *haven_vips_thumbnail(const void *bytes, size_t length, int width, int frames) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *)bytes, length, &out, width, "height", HAVEN_VIPS_MAX_COORD,
                              "size", HAVEN_VIPS_SIZE_DOWN,
                              // The loader's own options: thumbnail's `fail_on` does not reach a buffer loader.
                              "option_string", frames ? "n=-1,fail_on=truncated" : "fail_on=truncated",
                              "export_profile", "srgb", NULL))
        return NULL;
    return out;
}

/// Output formats of `haven_vips_save`.
enum { HAVEN_VIPS_JPEG = 0, HAVEN_VIPS_PNG = 1, HAVEN_VIPS_WEBP = 2, HAVEN_VIPS_GIF = 3 };

/// Whether a header field is metadata a published image must not carry: EXIF (with GPS and camera
/// serial), XMP, IPTC and Photoshop blocks, comments, the colour profile and orientation (the
/// pixels are already upright sRGB).
static inline int haven_vips_is_private_field(const char *name) {
    return strncmp(name, "exif-", 5) == 0 || strcmp(name, "xmp-data") == 0 || strcmp(name, "iptc-data") == 0
        || strcmp(name, "photoshop-data") == 0 || strcmp(name, "icc-profile-data") == 0
        || strcmp(name, "orientation") == 0 || strstr(name, "comment") != NULL;
}

/// Encodes an image with every piece of metadata stripped. The fields are removed from a copy of
/// the image as well as asking the saver to strip: libvips 8.14's WebP saver ignores `strip`.
/// The bytes are the caller's to `g_free`. 0 on success.
static inline int haven_vips_save(VipsImage *image, int format, void **bytes, size_t *length) {
    VipsImage *clean = NULL;
    if (vips_copy(image, &clean, NULL)) return -1;
    char **fields = vips_image_get_fields(clean);
    for (int i = 0; fields && fields[i]; i++) {
        if (haven_vips_is_private_field(fields[i])) vips_image_remove(clean, fields[i]);
    }
    g_strfreev(fields);
    int result;
    switch (format) {
    case HAVEN_VIPS_JPEG:
        result = vips_jpegsave_buffer(clean, bytes, length, "Q", 82, "strip", 1, "optimize_coding", 1, "interlace", 1, NULL);
        break;
    case HAVEN_VIPS_PNG:
        result = vips_pngsave_buffer(clean, bytes, length, "strip", 1, "compression", 9, NULL);
        break;
    case HAVEN_VIPS_WEBP:
        result = vips_webpsave_buffer(clean, bytes, length, "Q", 80, "strip", 1, NULL);
        break;
    case HAVEN_VIPS_GIF:
        result = vips_gifsave_buffer(clean, bytes, length, "strip", 1, NULL);
        break;
    default:
        result = -1;
    }
    g_object_unref(clean);
    return result;
}
#endif
