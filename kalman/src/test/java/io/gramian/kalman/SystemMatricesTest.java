package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Systems, gradients and their named matrices: defaults, shapes and names agree. */
class SystemMatricesTest {

  private static DMatrixRMaj m(double[][] rows) {
    return new DMatrixRMaj(rows);
  }

  private static StateSpaceSystem twoStates() {
    return StateSpaceSystem.builder()
        .F(m(new double[][] {{1, 1}, {0, 1}}))
        .H(m(new double[][] {{1, 0}}))
        .cholQ(m(new double[][] {{0.5}, {0.1}}))
        .cholR(m(new double[][] {{2}}))
        .cholP0(m(new double[][] {{1, 0, 0}, {0, 1, 3}}))
        .build();
  }

  @Test
  void builderDefaultsAreZeroInterceptsZeroMeanAndNoDiffuseDirection() {
    StateSpaceSystem s = twoStates();
    assertArrayEquals(new double[2], s.c(0).data);
    assertArrayEquals(new double[1], s.d(0).data);
    assertArrayEquals(new double[2], s.m0().data);
    assertEquals(0, s.diffuseRank());
    assertEquals(2, s.cholPinf().numRows);
    assertEquals(new Dimensions(2, 1, 1, 1, 3, 0), Dimensions.of(s));
  }

  @Test
  void everyMatrixHasTheShapeItsNameDeclares() {
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .setAll(twoStates().matrices())
            .cholPinf(m(new double[][] {{1}, {0}}))
            .build();
    Dimensions dims = Dimensions.of(s);
    SystemGradient g = new SystemGradient(dims);
    for (SystemMatrix which : SystemMatrix.values()) {
      DMatrixRMaj value = s.matrices().get(which);
      DMatrixRMaj bar = g.matrices().get(which);
      assertEquals(which.rows(dims), value.numRows, which.key());
      assertEquals(which.cols(dims), value.numCols, which.key());
      assertEquals(value.numRows, bar.numRows, which.key());
      assertEquals(value.numCols, bar.numCols, which.key());
      assertSame(which, SystemMatrix.ofKey(which.key()));
    }
    assertSame(g.cholQBar, g.matrices().cholQ());
    assertSame(g.cholPinfBar, g.matrices().cholPinf());
  }

  @Test
  void aMissingRequiredMatrixIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StateSpaceSystem.builder()
                    .F(m(new double[][] {{1}}))
                    .H(m(new double[][] {{1}}))
                    .cholR(m(new double[][] {{1}}))
                    .cholP0(m(new double[][] {{1}}))
                    .build());
    assertEquals("cholQ is required", e.getMessage());
  }

  @Test
  void mapKeepsTheNames() {
    SystemMatrices<String> keys = twoStates().matrices().map((which, value) -> which.key());
    assertEquals("cholR", keys.cholR());
    assertEquals("m0", keys.get(SystemMatrix.m0));
  }
}
