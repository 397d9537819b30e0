#include <vips/vips.h>

// libvips' calls take their options as NULL-terminated variadic lists, which Swift cannot call;
// these fix the options dangjian uses.

// Starts libvips once: untrusted loaders (ImageMagick, matload …) blocked, no operation cache
// (each picture is made once), one thread per picture (pictures are made in parallel instead).
static inline int dj_vips_start(void) {
    if (VIPS_INIT("dangjian") != 0) return -1;
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    return 0;
}

// The picture's header only (no pixels decoded).
static inline VipsImage *dj_vips_header(const void *data, size_t length) {
    return vips_image_new_from_buffer(data, length, "", NULL);
}

static inline int dj_vips_orientation(VipsImage *image) {
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) != 0 &&
        vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) != 0) orientation = 1;
    return orientation;
}

// A version at most `width` pixels wide, turned upright by its EXIF orientation, never enlarged;
// decoding stops at the first error (a truncated or corrupt file is refused, not half-drawn).
static inline int dj_vips_thumbnail(const void *data, size_t length, int width, VipsImage **out) {
    return vips_thumbnail_buffer((void *)data, length, out, width, "height", VIPS_MAX_COORD,
                                 "size", VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

// A JPEG decoded once into memory, `shrink` (1, 2, 4 or 8) times smaller as libjpeg decodes it; a
// truncated or corrupt file fails here (the thumbnail calls from a buffer ignore fail_on in 8.14).
static inline int dj_vips_load_jpeg(const void *data, size_t length, int shrink, VipsImage **out) {
    VipsImage *lazy = NULL;
    if (vips_jpegload_buffer((void *)data, length, &lazy, "shrink", shrink, "fail_on", VIPS_FAIL_ON_ERROR, NULL) != 0) return -1;
    *out = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    return *out ? 0 : -1;
}

// A smaller version of an image already decoded, upright by its orientation tag, never enlarged.
static inline int dj_vips_shrink(VipsImage *in, int width, VipsImage **out) {
    return vips_thumbnail_image(in, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL);
}

// Alpha flattened onto white and the colours made sRGB, as JPEG wants them.
static inline int dj_vips_for_jpeg(VipsImage *in, VipsImage **out) {
    VipsImage *srgb = NULL;
    if (vips_colourspace(in, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0) return -1;
    int result;
    if (vips_image_hasalpha(srgb)) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        result = vips_flatten(srgb, out, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
    } else {
        result = vips_copy(srgb, out, NULL);
    }
    g_object_unref(srgb);
    return result;
}

// Baseline JPEG, metadata stripped, Huffman tables optimised; the same input gives the same bytes.
static inline int dj_vips_jpeg(VipsImage *in, int quality, void **buffer, size_t *length) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

static inline char *dj_sha256(const void *data, size_t length) {
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, length);
}
