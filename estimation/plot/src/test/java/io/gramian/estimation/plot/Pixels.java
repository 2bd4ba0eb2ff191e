package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** Reading a PNG back and looking at its pixels. */
final class Pixels {

  private Pixels() {}

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Reads a PNG file, checking its signature and its size. */
  static BufferedImage readPng(Path file, int width, int height) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertTrue(bytes.length > PNG_SIGNATURE.length, "the file is empty");
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      assertEquals(PNG_SIGNATURE[i], bytes[i], "PNG signature byte " + i);
    }
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "ImageIO cannot read " + file);
    assertEquals(width, image.getWidth(), "width");
    assertEquals(height, image.getHeight(), "height");
    return image;
  }

  /** The number of different colours in a region (x, y from 0 to 1 of the image's size). */
  static int distinctColours(BufferedImage im, double x0, double y0, double x1, double y1) {
    Set<Integer> colours = new HashSet<>();
    forEach(im, x0, y0, x1, y1, rgb -> colours.add(rgb & 0xffffff));
    return colours.size();
  }

  /** The number of pixels in a region whose colour passes a test. */
  static int count(
      BufferedImage im, double x0, double y0, double x1, double y1, IntPredicate test) {
    int[] n = {0};
    forEach(
        im,
        x0,
        y0,
        x1,
        y1,
        rgb -> {
          if (test.test(rgb)) {
            n[0]++;
          }
        });
    return n[0];
  }

  /** The share of pixels in a region that are not white. */
  static double inkShare(BufferedImage im, double x0, double y0, double x1, double y1) {
    int[] n = {0, 0};
    forEach(
        im,
        x0,
        y0,
        x1,
        y1,
        rgb -> {
          n[1]++;
          if ((rgb & 0xffffff) != 0xffffff) {
            n[0]++;
          }
        });
    return (double) n[0] / n[1];
  }

  /** Strongly red, neither orange nor pink: the forecast line, the Q–Q reference line. */
  static boolean forecastRed(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r - g > 90 && Math.abs(g - b) < 30;
  }

  /** Strongly blue: the smoothed line and points of the diagnostics. */
  static boolean blue(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return b - r > 90 && b - g > 40;
  }

  /** Strongly green: the normal density. */
  static boolean green(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return g - r > 50 && g - b > 50;
  }

  private interface PixelVisitor {
    void visit(int rgb);
  }

  private static void forEach(
      BufferedImage im, double x0, double y0, double x1, double y1, PixelVisitor v) {
    int w = im.getWidth();
    int h = im.getHeight();
    for (int y = (int) (y0 * h); y < (int) (y1 * h); y++) {
      for (int x = (int) (x0 * w); x < (int) (x1 * w); x++) {
        v.visit(im.getRGB(x, y));
      }
    }
  }
}
