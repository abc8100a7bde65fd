package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.nn.Placement;
import org.shiftscope.train.scenario.ValueType.Bool;
import org.shiftscope.train.scenario.ValueType.Choice;
import org.shiftscope.train.scenario.ValueType.Int;
import org.shiftscope.train.scenario.ValueType.IntList;
import org.shiftscope.train.scenario.ValueType.Num;
import org.shiftscope.train.scenario.ValueType.Text;

/** Each value type read from JSON and from text, accepted and refused, its range, and how it says what is allowed. */
class ValueTypeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }

    // ---------------------------------------------------------------- Num

    @Test
    void numReadsAnyJsonNumberAndNothingElse() {
        Num n = new Num(0, false, 100, true);
        assertEquals(0.5, n.fromJson(json("0.5")));
        assertEquals(3.0, n.fromJson(json("3")));
        assertEquals(1e-5, n.fromJson(json("1.0E-5")));
        assertEquals(-2.0, n.fromJson(json("-2")));
        assertNull(n.fromJson(json("\"0.5\"")));
        assertNull(n.fromJson(json("true")));
        assertNull(n.fromJson(json("null")));
        assertNull(n.fromJson(json("[0.5]")));
    }

    @Test
    void numReadsText() {
        Num n = new Num(0, false, 100, true);
        assertEquals(0.5, n.fromText("0.5"));
        assertEquals(0.001, n.fromText(" 1e-3 "));
        assertEquals(-7.0, n.fromText("-7"));
        assertNull(n.fromText("abc"));
        assertNull(n.fromText(""));
        assertNull(n.fromText("0,5"));
    }

    @Test
    void numRangeEndsOpenOrClosed() {
        Num openClosed = new Num(0, false, 100, true); // learning rate
        assertFalse(openClosed.allows(0.0));
        assertTrue(openClosed.allows(Double.MIN_VALUE));
        assertTrue(openClosed.allows(100.0));
        assertFalse(openClosed.allows(Math.nextUp(100.0)));
        assertFalse(openClosed.allows(-1.0));
        Num closedOpen = new Num(0, true, 1, false); // momentum
        assertTrue(closedOpen.allows(0.0));
        assertFalse(closedOpen.allows(-Double.MIN_VALUE));
        assertFalse(closedOpen.allows(1.0));
        assertTrue(closedOpen.allows(Math.nextDown(1.0)));
        Num wide = new Num(-100, true, 100, true);
        assertFalse(wide.allows(Double.NaN));
        assertFalse(wide.allows(Double.POSITIVE_INFINITY));
        assertFalse(new Num(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true)
                .allows(Double.NEGATIVE_INFINITY));
    }

    @Test
    void numSaysWhatIsAllowed() {
        assertEquals("a number > 0 and ≤ 100", new Num(0, false, 100, true).allowed());
        assertEquals("a number ≥ 0 and < 1", new Num(0, true, 1, false).allowed());
        assertEquals("a number ≥ -100 and ≤ 100", new Num(-100, true, 100, true).allowed());
        assertEquals("a number > 0 and ≤ 0.9", new Num(0, false, 0.9, true).allowed());
        assertEquals(Double.class, new Num(0, true, 1, true).javaType());
    }

    // ---------------------------------------------------------------- Int

    @Test
    void intReadsWholeJsonNumbers() {
        Int t = new Int(Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(5L, t.fromJson(json("5")));
        assertEquals(-7L, t.fromJson(json("-7")));
        assertEquals(60L, t.fromJson(json("60.0")));
        assertEquals(1000L, t.fromJson(json("1e3")));
        // exact beyond a double's 53 bits: read as a long, not through a double
        assertEquals(9_007_199_254_740_993L, t.fromJson(json("9007199254740993")));
        assertEquals(Long.MAX_VALUE, t.fromJson(json("9223372036854775807")));
        assertEquals(Long.MIN_VALUE, t.fromJson(json("-9223372036854775808")));
        assertNull(t.fromJson(json("9223372036854775808"))); // too large for a long
        assertNull(t.fromJson(json("2.5")));
        assertNull(t.fromJson(json("1e16"))); // a double that large is not exact
        assertEquals(8_999_999_999_999_998L, t.fromJson(json("8999999999999998.0")));
        assertEquals(8_900_000_000_000_000L, t.fromJson(json("8.9e15")));
        assertNull(t.fromJson(json("9e15"))); // written as a double: whole below 9e15 only
        assertNull(t.fromJson(json("\"5\"")));
        assertNull(t.fromJson(json("true")));
        assertNull(t.fromJson(json("[5]")));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "5, 5",
        "' -7 ', -7",
        "+3, 3",
        "1e3, 1000",
        "-1e3, -1000",
        "2.0, 2",
        "9007199254740993, 9007199254740993",
        "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808",
        "9223372036854775808, NULL",
        "12345678901234567890123, NULL",
        "2.5, NULL",
        "1e16, NULL",
        "8.9e15, 8900000000000000",
        "9e15, NULL",
        "9000000000000000, 9000000000000000",
        "abc, NULL",
        "'', NULL",
        "5L, NULL",
    })
    void intReadsWholeNumbersFromText(String text, Long expected) {
        assertEquals(expected, new Int(Long.MIN_VALUE, Long.MAX_VALUE).fromText(text));
    }

    @Test
    void intRangeIsClosed() {
        Int t = new Int(1, 4096);
        assertTrue(t.allows(1L));
        assertTrue(t.allows(4096L));
        assertTrue(t.allows(32L));
        assertFalse(t.allows(0L));
        assertFalse(t.allows(4097L));
        assertFalse(t.allows(-5L));
        assertEquals("a whole number from 1 to 4096", t.allowed());
        assertEquals(Long.class, t.javaType());
    }

    // ---------------------------------------------------------------- Bool and Text

    @Test
    void boolIsTrueOrFalseOnly() {
        Bool b = new Bool();
        assertEquals(true, b.fromJson(json("true")));
        assertEquals(false, b.fromJson(json("false")));
        assertNull(b.fromJson(json("\"true\"")));
        assertNull(b.fromJson(json("1")));
        assertEquals(true, b.fromText("true"));
        assertEquals(false, b.fromText(" false "));
        assertNull(b.fromText("yes"));
        assertNull(b.fromText("TRUE"));
        assertNull(b.fromText("1"));
        assertTrue(b.allows(false));
        assertEquals("true or false", b.allowed());
        assertEquals(Boolean.class, b.javaType());
    }

    @Test
    void textIsAnyTextAsWritten() {
        Text t = new Text("a folder path (text)");
        assertEquals("/data/mnist", t.fromJson(json("\"/data/mnist\"")));
        assertEquals("", t.fromJson(json("\"\"")));
        assertNull(t.fromJson(json("5")));
        assertNull(t.fromJson(json("null")));
        assertEquals(" two words ", t.fromText(" two words "));
        assertTrue(t.allows(""));
        assertEquals("a folder path (text)", t.allowed());
        assertEquals(String.class, t.javaType());
    }

    // ---------------------------------------------------------------- Choice

    @Test
    void choiceNamesConstantsByTheirKey() {
        assertEquals("fashion-mnist", Choice.key(DatasetKind.FASHION_MNIST));
        assertEquals("spiral", Choice.key(DatasetKind.SPIRAL));
        Choice<DatasetKind> c = new Choice<>(DatasetKind.class);
        assertEquals(List.of(DatasetKind.values()), c.values());
        assertEquals("one of spiral, circles, xor, gaussians, teacher, idx, fashion-mnist, mnist, more-ones, adding",
                c.allowed());
        assertEquals(DatasetKind.class, c.javaType());
        assertTrue(c.allows(DatasetKind.MNIST));
    }

    @Test
    void choiceReadsKeysOnly() {
        Choice<DatasetKind> c = new Choice<>(DatasetKind.class);
        assertEquals(DatasetKind.FASHION_MNIST, c.fromJson(json("\"fashion-mnist\"")));
        assertEquals(DatasetKind.XOR, c.fromText("xor"));
        assertEquals(DatasetKind.MNIST, c.fromText(" mnist "));
        assertNull(c.fromText("FASHION_MNIST"));
        assertNull(c.fromText("fashion_mnist"));
        assertNull(c.fromText("Spiral"));
        assertNull(c.fromText("moons"));
        assertNull(c.fromJson(json("\"moons\"")));
        assertNull(c.fromJson(json("0")));
        Choice<Placement> p = new Choice<>(Placement.class);
        assertEquals(Placement.AFTER, p.fromText("after"));
        assertEquals("one of before, after", p.allowed());
    }

    // ---------------------------------------------------------------- IntList

    @Test
    void intListReadsJsonArraysOfWholeNumbers() {
        IntList t = new IntList(1, 12, 1, 1024);
        assertEquals(List.of(64, 32), t.fromJson(json("[64, 32]")));
        assertEquals(List.of(2), t.fromJson(json("[2.0]")));
        assertEquals(List.of(), t.fromJson(json("[]")));
        assertEquals(List.of(0, -3), t.fromJson(json("[0, -3]"))); // read; the range is checked by allows
        assertNull(t.fromJson(json("[2.5]")));
        assertNull(t.fromJson(json("[64, 2.5]")));
        assertNull(t.fromJson(json("[\"5\"]")));
        assertNull(t.fromJson(json("[true]")));
        assertNull(t.fromJson(json("[1e10]")));
        assertNull(t.fromJson(json("[3000000000]")));
        assertNull(t.fromJson(json("3")));
        assertNull(t.fromJson(json("\"64,32\"")));
        List<Integer> read = t.fromJson(json("[8]"));
        assertThrows(UnsupportedOperationException.class, () -> read.add(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "64,32|[64, 32]",
        "[64, 32]|[64, 32]",
        "' 8 '|[8]",
        "[5]|[5]",
        "''|[]",
        "[]|[]",
        "'  '|[]",
        "8, +4 ,2|[8, 4, 2]",
        "64,,32|NULL",
        "64;32|NULL",
        "[5|NULL",
        "a|NULL",
        "2.5|NULL",
        "99999999999|NULL",
    })
    void intListReadsCommaSeparatedText(String text, String expected) {
        List<Integer> v = new IntList(1, 12, 1, 1024).fromText(text);
        assertEquals(expected, v == null ? null : v.toString());
        if (v != null) assertThrows(UnsupportedOperationException.class, () -> v.add(1));
    }

    @Test
    void intListRangeCoversLengthAndEveryElement() {
        IntList t = new IntList(1, 12, 1, 1024);
        assertTrue(t.allows(List.of(1)));
        assertTrue(t.allows(List.of(1024, 1)));
        assertTrue(t.allows(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
        assertFalse(t.allows(List.of()));
        assertFalse(t.allows(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
        assertFalse(t.allows(List.of(8, 0)));
        assertFalse(t.allows(List.of(1025, 8)));
        assertEquals("a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32])", t.allowed());
        assertEquals(List.class, t.javaType());
    }

    @Test
    void intListConvertsToAndFromArrays() {
        assertEquals(List.of(8, 8, 8), IntList.of(8, 8, 8));
        assertEquals(List.of(), IntList.of());
        assertThrows(UnsupportedOperationException.class, () -> IntList.of(1).add(2));
        assertArrayEquals(new int[] {64, 32}, IntList.toArray(List.of(64, 32)));
        assertArrayEquals(new int[] {3}, IntList.toArray(new ArrayList<>(List.of(3))));
    }

    // ---------------------------------------------------------------- writing

    @Test
    void valuesAreWrittenAsJsonOfTheirKind() {
        assertEquals("0.5", new Num(0, true, 1, true).toJson(0.5).toString());
        assertTrue(new Num(0, true, 1, true).toJson(1.0).isDouble());
        assertEquals("3", new Int(0, 9).toJson(3L).toString());
        assertTrue(new Int(0, 9).toJson(3L).isIntegralNumber());
        assertEquals("true", new Bool().toJson(true).toString());
        assertEquals("\"fashion-mnist\"", new Choice<>(DatasetKind.class).toJson(DatasetKind.FASHION_MNIST)
                .toString());
        assertEquals("[64,32]", new IntList(1, 12, 1, 1024).toJson(List.of(64, 32)).toString());
        assertEquals("\"a \\\"b\\\"\"", new Text("a text").toJson("a \"b\"").toString());
    }

    @Test
    void everyValueReadsBackFromWhatIsWritten() {
        Num n = new Num(0, false, 100, true);
        assertEquals(0.20000000000000004, n.fromJson(n.toJson(0.20000000000000004)));
        Int i = new Int(Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(Long.MIN_VALUE, i.fromJson(i.toJson(Long.MIN_VALUE)));
        IntList l = new IntList(1, 12, 1, 1024);
        assertEquals(List.of(100, 100, 100), l.fromJson(l.toJson(List.of(100, 100, 100))));
        Choice<DatasetKind> c = new Choice<>(DatasetKind.class);
        for (DatasetKind k : DatasetKind.values()) assertEquals(k, c.fromJson(c.toJson(k)));
    }

    @Test
    void plainNumbersInMessages() {
        assertEquals("1", ValueType.plain(1));
        assertEquals("0", ValueType.plain(0));
        assertEquals("-100", ValueType.plain(-100));
        assertEquals("0.9", ValueType.plain(0.9));
        assertEquals("1.0E-4", ValueType.plain(1e-4));
        assertEquals("999999999999999", ValueType.plain(999_999_999_999_999.0));
        assertEquals("1.0E15", ValueType.plain(1e15));
        assertEquals("Infinity", ValueType.plain(Double.POSITIVE_INFINITY));
    }
}
