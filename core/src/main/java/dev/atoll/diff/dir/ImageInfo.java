package dev.atoll.diff.dir;

/**
 * An image file's dimensions and format (as {@code javax.imageio} names it), and a small PNG
 * thumbnail (at most {@value ImageProbe#THUMBNAIL_SIZE} pixels a side, base64) when one was made.
 */
public record ImageInfo(int width, int height, String format, String thumbnailPngBase64) {
    public String dimensions() {
        return width + "×" + height;
    }
}
