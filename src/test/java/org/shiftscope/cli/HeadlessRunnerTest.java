package org.shiftscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.chart.MarkerPixels;

class HeadlessRunnerTest {
    @TempDir
    Path tmp;

    /** exit code, stdout, stderr of one run */
    record Result(int code, String out, String err) { }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = HeadlessRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Result r = run("--headless", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--scenario NAME|FILE"));
        assertTrue(r.out().contains("--set key=value"));
    }

    @Test
    void writesTheFourFilesWithTheirColumns() throws IOException {
        Path out = tmp.resolve("out");
        Result r = run("--headless", "--steps", "40", "--every", "10", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> stats = Files.readAllLines(out.resolve("stats.csv"));
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        List<String> hist = Files.readAllLines(out.resolve("histograms.csv"));
        assertEquals("run,step,layer,tap,mean,std,min,p15,p50,p85,max,saturation", stats.get(0));
        assertEquals("run,step,loss,batch_accuracy,test_accuracy,learning_rate", metrics.get(0));
        assertEquals("run,step,layer,tap,bin_lo,bin_hi,count", hist.get(0));
        // default scenario: 3 hidden layers, BN on before the activation → 3 taps each and the gradient;
        // steps 1,10,20,30,40
        Set<String> steps = stats.stream().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet());
        assertEquals(Set.of("1", "10", "20", "30", "40"), steps);
        assertEquals(1 + 5 * 3 * 4, stats.size());
        Set<String> taps = stats.stream().skip(1).map(l -> l.split(",")[3]).collect(Collectors.toSet());
        assertEquals(Set.of("linear", "normalized", "activation", "gradient"), taps);
        for (String row : stats.subList(1, stats.size())) {
            String[] f = row.split(",", -1);
            assertEquals(12, f.length, row);
            assertEquals("main", f[0]);
            double min = Double.parseDouble(f[6]), p15 = Double.parseDouble(f[7]), p50 = Double.parseDouble(f[8]);
            double p85 = Double.parseDouble(f[9]), max = Double.parseDouble(f[10]);
            assertTrue(min <= p15 && p15 <= p50 && p50 <= p85 && p85 <= max, row);
            assertEquals(f[3].equals("activation"), !f[11].isEmpty(), "saturation only on the activation tap");
        }
        // test accuracy is evaluated every eval_every (100) steps: never within 40 steps → empty column
        assertTrue(metrics.stream().skip(1).allMatch(l -> l.endsWith(",," + l.split(",")[5])));
        // 40 histogram bins per tap row
        assertEquals(1 + (stats.size() - 1) * 40, hist.size());
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(40, json.get("steps").asInt());
        assertEquals("finished", json.get("status").asText());
        assertEquals(1, json.get("seed").asLong());
        assertTrue(json.get("steps_per_second").asDouble() > 0);
        assertTrue(json.get("wall_seconds").isNumber());
        assertTrue(json.get("runs").get("main").get("diverged_at_step").isNull());
        assertTrue(json.get("runs").get("main").get("final_test_accuracy").isNumber());
        assertEquals("spiral", json.get("scenario").get("dataset").get("name").asText());
        assertTrue(r.err().contains("100%"), r.err());
        // figures drawn by the app's chart code on a headless screen
        java.awt.image.BufferedImage dash = javax.imageio.ImageIO.read(out.resolve("dashboard.png").toFile());
        assertTrue(dash.getWidth() >= 1000 && dash.getHeight() >= 600);
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < dash.getHeight(); y += 3) {
            for (int x = 0; x < dash.getWidth(); x += 3) colours.add(dash.getRGB(x, y));
        }
        assertTrue(colours.size() > 50, "dashboard.png is not blank: " + colours.size() + " colours");
        for (String f : new String[] {"training.png", "decision-regions.png", "layer2-activation-percentiles.png",
            "layer3-normalized-histogram.png", "layer1-linear-distribution.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 2000, f);
        }
    }

    /** view.tap, set like any other key, chooses what dashboard.png's layer charts show, and run.json keeps it. */
    @Test
    void theDashboardShowsTheScenariosTap() throws IOException {
        Path out = tmp.resolve("view");
        Result r = run("--headless", "--steps", "20", "--every", "10", "--set", "view.tap=gradient", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        String caption = org.shiftscope.export.PngExporter.caption(out.resolve("dashboard.png"));
        assertTrue(caption.endsWith(" · layer charts show the gradient dL/d(W·x+b), log |g|"), caption);
        // with the gradient tap the dashboard has the gradient-flow row too, and each of its charts is a PNG
        java.awt.image.BufferedImage dash = javax.imageio.ImageIO.read(out.resolve("dashboard.png").toFile());
        assertTrue(dash.getHeight() >= 260 + 200 * 4, "room for the training row, the flow row and 3 layers");
        for (String f : new String[] {"gradflow-norm.png", "gradflow-ratio.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 2000, f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("gradient", json.path("scenario").path("view").path("tap").asText());
        Result bad = run("--headless", "--steps", "20", "--set", "view.tap=bogus", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("view.tap") && bad.err().contains("gradient"), bad.err());
    }

    /** Figures of every tap some run measured: the gradient's as log |g|, none of a tap no run had. */
    @Test
    void theFiguresShowEveryTapMeasuredTheGradientAsLogMagnitudes() throws IOException {
        Path out = tmp.resolve("grad");
        Result r = run("--headless", "--steps", "30", "--every", "10", "--set", "network.norm=none", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        for (int layer = 1; layer <= 3; layer++) {
            for (String kind : new String[] {"histogram", "distribution", "moments", "percentiles"}) {
                Path f = out.resolve("layer" + layer + "-gradient-" + kind + ".png");
                assertTrue(Files.size(f) > 2000, f.toString());
                String caption = org.shiftscope.export.PngExporter.caption(f);
                assertTrue(caption.endsWith(" · layer " + layer + ", gradient, log |g|"), caption);
            }
            assertTrue(Files.exists(out.resolve("layer" + layer + "-linear-histogram.png")));
            assertTrue(Files.exists(out.resolve("layer" + layer + "-activation-moments.png")));
            assertFalse(Files.exists(out.resolve("layer" + layer + "-normalized-histogram.png")), "BN was off");
        }
        // the gradient-flow charts too, though the dashboard shows another tap
        for (String f : new String[] {"gradflow-norm.png", "gradflow-ratio.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 2000, f);
        }
        // the gradient's histogram is drawn: its bars in the run's blue, against the white and grey of the frame
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.resolve("layer2-gradient-histogram.png")
                .toFile());
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), red = (rgb >> 16) & 255, b = rgb & 255;
                if (b > red + 60) blue++;
            }
        }
        assertTrue(blue > 500, "blue pixels of the histogram: " + blue);
    }

    /**
     * gradflow.csv: a row per run, statistics step and hidden layer; the update ratio is log₁₀ of lr·std(G)/std(W),
     * so with both variants at the same learning rate it is finite, and a norm is never negative.
     */
    @Test
    void writesTheGradientFlowOfEveryRunLayerAndStatisticsStep() throws IOException {
        Path out = tmp.resolve("flow");
        Result r = run("--headless", "--no-png", "--steps", "30", "--every", "10", "--compare", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("gradflow.csv"));
        assertEquals("run,step,layer,grad_norm,update_ratio", rows.get(0));
        // 2 runs × steps 1, 10, 20, 30 × 3 hidden layers, in the order the snapshots came
        assertEquals(1 + 2 * 4 * 3, rows.size());
        assertEquals(List.of("bn,1,1", "bn,1,2", "bn,1,3", "plain,1,1"), rows.subList(1, 5).stream()
                .map(l -> String.join(",", java.util.Arrays.copyOf(l.split(","), 3))).toList());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(5, f.length, row);
            double norm = Double.parseDouble(f[3]), ratio = Double.parseDouble(f[4]);
            assertTrue(norm > 0 && Double.isFinite(norm), row);
            assertTrue(ratio > -8 && ratio < 1, row);
        }
    }

    /**
     * The ICS lab measures on copies: with it on, metrics.csv, stats.csv, histograms.csv and gradflow.csv are
     * byte-identical to a run without it, ics.csv has a row per run, lab step and layer, and run.json's scenario
     * records K. Without it there is no ics.csv.
     */
    @Test
    void theIcsLabChangesNoOtherFileAndWritesIcsCsv() throws IOException {
        Path off = tmp.resolve("off"), on = tmp.resolve("on");
        String[] common = {"--headless", "--no-png", "--steps", "40", "--every", "5", "--variants", "noisy", "--set",
                "network.norm_noise_model=paper", "--set", "training.eval_every=20"};
        assertEquals(0, run(concat(common, "--out", off.toString())).code());
        Result r = run(concat(common, "--set", "lab.every=10", "--out", on.toString()));
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"stats.csv", "metrics.csv", "histograms.csv", "gradflow.csv"}) {
            assertArrayEquals(Files.readAllBytes(off.resolve(f)), Files.readAllBytes(on.resolve(f)), f);
        }
        assertFalse(Files.exists(off.resolve("ics.csv")));
        List<String> ics = Files.readAllLines(on.resolve("ics.csv"));
        assertEquals("run,step,layer,ics_l2,ics_cos,shift_w1,shift_mean,shift_std", ics.get(0));
        assertEquals(1 + 3 * 4 * 3, ics.size(), "3 runs × steps 10…40 × 3 layers");
        for (String row : ics.subList(1, ics.size())) {
            String[] f = row.split(",", -1);
            assertEquals(8, f.length, row);
            double l2 = Double.parseDouble(f[3]), cos = Double.parseDouble(f[4]), w1 = Double.parseDouble(f[5]);
            if (f[2].equals("1")) assertEquals(0, l2, 0, row);
            else assertTrue(l2 > 0 && cos <= 1 + 1e-12 && cos > -1, row);
            assertTrue(w1 > 0, row);
        }
        JsonNode json = new ObjectMapper().readTree(on.resolve("run.json").toFile());
        assertEquals(10, json.path("scenario").path("lab").path("every").asInt());
    }

    @Test
    void sameScenarioAndSeedGiveByteIdenticalCsv() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        String[] common = {"--headless", "--no-png", "--steps", "60", "--every", "7", "--compare", "--set",
                "training.eval_every=20"};
        assertEquals(0, run(concat(common, "--out", a.toString())).code());
        assertEquals(0, run(concat(common, "--out", b.toString())).code());
        for (String f : new String[] {"stats.csv", "metrics.csv", "histograms.csv", "gradflow.csv"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        List<String> metrics = Files.readAllLines(a.resolve("metrics.csv"));
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("bn,")));
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("plain,")));
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("bn,20,") && !l.split(",", -1)[4].isEmpty()));
        Path c = tmp.resolve("c");
        assertEquals(0, run("--headless", "--no-png", "--steps", "60", "--every", "7", "--compare", "--seed", "2", "--out",
                c.toString()).code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("stats.csv")),
                Files.readAllBytes(c.resolve("stats.csv"))), "another seed gives another run");
    }

    @Test
    void divergenceIsReportedNotThrown() throws IOException {
        Path out = tmp.resolve("div");
        Result r = run("--headless", "--no-png", "--steps", "200", "--out", out.toString(), "--set", "network.batchnorm=false",
                "--set", "network.activation=linear", "--set", "network.init=normal", "--set", "network.init_gain=1",
                "--set", "training.learning_rate=10");
        assertEquals(0, r.code(), r.err());
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("runs").get("main");
        assertTrue(run.get("diverged_at_step").isNumber(), run.toString());
        assertTrue(run.get("diverged_at_step").asLong() < 200);
        assertTrue(r.err().contains("DIVERGED"), r.err());
    }

    @Test
    void aDivergedRunWritesOnlyFiniteRowsAndSaysWhereItDivergedInRunJsonAndEventsCsv() throws IOException {
        Path out = tmp.resolve("div-rows");
        Result r = run("--headless", "--no-png", "--steps", "200", "--every", "1", "--out", out.toString(), "--set",
                "network.batchnorm=false", "--set", "network.activation=linear", "--set", "network.init=normal",
                "--set", "network.init_gain=1", "--set", "training.learning_rate=10");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("finished", json.get("status").asText());
        long at = json.get("runs").get("main").get("diverged_at_step").asLong();
        assertTrue(at > 1, "diverged after a few steps: " + at);
        for (String f : new String[] {"stats.csv", "metrics.csv", "histograms.csv"}) {
            String text = Files.readString(out.resolve(f));
            assertFalse(text.contains("NaN") || text.contains("Infinity"), f + " has no row that is not finite");
            assertTrue(text.lines().anyMatch(l -> l.startsWith("main," + (at - 1) + ",")), f + ": the step before");
            assertFalse(text.lines().anyMatch(l -> l.startsWith("main," + at + ",")), f + ": not the step itself");
        }
        assertEquals(List.of("step,run,key,old,new", at + ",main,diverged,false,true"),
                Files.readAllLines(out.resolve("events.csv")));
    }

    @Test
    void hostileDataAndScenarioFilesExitTwoNamingTheFileWithoutATraceAndWriteNothing() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("hostile"));
        // one image of 1×1, then labels whose header claims 2³¹−2 of them in an 8-byte file
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
            1, 42});
        Files.write(data.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0x7f, -1, -1, -2});
        Path big = tmp.resolve("big.json");
        Files.write(big, new byte[org.shiftscope.train.scenario.ScenarioIO.MAX_FILE_BYTES + 1]);
        String[][] cases = {
            {"--set", "dataset.name=idx", "--set", "dataset.path=" + data},
            {"--scenario", big.toString()},
            {"--scenario", "/dev/zero"},
        };
        String[] mustMention = {data.resolve("train-labels-idx1-ubyte") + ": impossible label count 2147483646",
            big + ": larger than 10 MB", "/dev/zero: larger than 10 MB"};
        for (int i = 0; i < cases.length; i++) {
            Path out = tmp.resolve("never" + i);
            Result r = run(concat(new String[] {"--headless", "--out", out.toString()}, cases[i]));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(mustMention[i]), r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Error"),
                    r.err());
            assertFalse(Files.exists(out), "nothing created in --out before the input is accepted");
        }
    }

    /**
     * A disk that fills up under one file, past the first {@code whole} files of that name (run.json is written
     * once at the start, once at the end): exit 4 with one line naming the file, no part of it under its name or
     * a temporary one, the CSV files in whole rows, and run.json saying what it can.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "full under {0}")
    @org.junit.jupiter.params.provider.CsvSource({"events.csv, 0, failed", "dashboard.png, 0, failed",
        "run.json, 1, running"})
    void aFullDiskUnderOneFileExitsFourNamingItAndLeavesNoPartOfIt(String name, int whole, String status)
            throws IOException {
        Path out = tmp.resolve("full-" + name);
        org.shiftscope.io.Disk.Opener full = org.shiftscope.io.TestDisks.full(name, 10);
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        org.shiftscope.io.Disk.use((file, options) -> file.getFileName().toString().contains(name)
                && opened.incrementAndGet() > whole ? full.open(file, options)
                        : org.shiftscope.io.Disk.FILES.open(file, options));
        Result r;
        try {
            r = name.endsWith(".png") ? run("--headless", "--steps", "20", "--every", "10", "--out", out.toString())
                    : run("--headless", "--no-png", "--steps", "20", "--every", "10", "--out", out.toString());
        } finally {
            org.shiftscope.io.Disk.use(org.shiftscope.io.Disk.FILES);
        }
        assertEquals(Cli.WRITE_FAILED, r.code(), r.err());
        assertTrue(r.err().contains("shiftscope: cannot write " + out.resolve(name) + " (No space left on device)"),
                r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        for (String f : new String[] {"stats.csv", "metrics.csv", "histograms.csv"}) {
            String text = Files.readString(out.resolve(f));
            assertTrue(text.endsWith("\n") && text.lines().count() > 1, f + " in whole rows");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(status, json.get("status").asText(), json.toString());
        if (status.equals("failed")) assertTrue(json.get("error").asText().contains(name), json.toString());
        if (!name.equals("run.json")) assertFalse(Files.exists(out.resolve(name)), "no part of " + name);
        assertEquals(List.of(), org.shiftscope.io.TestDisks.names(out).stream()
                .filter(n -> n.startsWith(".") || n.endsWith(".part")).toList(), "no temporary file left");
    }

    @Test
    void badInputExitsTwoWithOneParagraphAndNoStackTrace() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{ \"training\": { \"learning_rate\": \"fast\" } }");
        Path malformed = tmp.resolve("broken.json");
        Files.writeString(malformed, "{ \"name\": ");
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        String[][] cases = {
            {"--bogus"},
            {"--steps", "abc"},
            {"--steps"},
            {"--steps", "0"},
            {"--scenario", "no-such-preset"},
            {"--scenario", bad.toString()},
            {"--scenario", malformed.toString()},
            {"--set", "training.learnig_rate=0.1"},
            {"--set", "training.learning_rate=-1"},
            {"--set", "network.activation=softplus"},
            {"--set", "nokeyvalue"},
            {"--set", "dataset.name=idx", "--set", "dataset.path=" + tmp.resolve("missing")},
            {"--out", file.resolve("sub").toString()},
        };
        String[] mustMention = {"--bogus", "abc", "--steps", "0", "no-such-preset", "learning_rate", "broken.json",
            "learnig_rate", "-1", "softplus", "nokeyvalue", "missing", "a-file"};
        for (int i = 0; i < cases.length; i++) {
            Result r = run(concat(concat(new String[] {"--headless", "--out", tmp.resolve("o" + i).toString()},
                    cases[i])));
            assertEquals(2, r.code(), String.join(" ", cases[i]) + " → " + r.err());
            assertTrue(r.err().contains(mustMention[i]), String.join(" ", cases[i]) + " → " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void gifWritesAnAnimatedDashboardThatLoops() throws Exception {
        Path out = tmp.resolve("gif");
        Result r = run("--headless", "--scenario", "default", "--steps", "400", "--no-png", "--gif", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        var read = org.shiftscope.export.GifRecorderTest.read(out.resolve("dashboard.gif"));
        assertEquals(HeadlessRunner.GIF_FRAMES, read.frames());
        assertTrue(read.loops());
        assertTrue(r.err().contains("dashboard.gif: " + HeadlessRunner.GIF_FRAMES + " frames"), r.err());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "bn-vs-plain|bn,plain",
        "normalizers|bn,layer,group,renorm",
        "noisy|bn,noisy-bn,plain",
        "small-batch|bn,renorm,layer,plain",
    })
    void eachVariantIsOneRunInEveryCsv(String preset, String names) throws IOException {
        Path out = tmp.resolve(preset);
        Result r = run("--headless", "--variants", preset, "--steps", "20", "--every", "10", "--no-png", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        Set<String> expected = Set.of(names.split(","));
        for (String csv : List.of("stats.csv", "metrics.csv", "histograms.csv")) {
            Set<String> runs = Files.readAllLines(out.resolve(csv)).stream().skip(1).map(l -> l.split(",")[0])
                    .collect(Collectors.toSet());
            assertEquals(expected, runs, csv);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(expected, iterable(json.get("runs").fieldNames()));
        assertEquals(expected.size(), json.get("scenario").get("variants").size());
        assertTrue(r.err().contains("variants " + names.replace(",", ", ")), r.err());
    }

    private static Set<String> iterable(java.util.Iterator<String> it) {
        Set<String> s = new java.util.HashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }

    @Test
    void setChangesOneVariant() throws IOException {
        Path out = tmp.resolve("set");
        Result r = run("--headless", "--variants", "normalizers", "--set", "variants[1].network.norm=none",
                "--set", "variants[1].name=plain", "--steps", "10", "--no-png", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(Set.of("bn", "plain", "group", "renorm"), iterable(json.get("runs").fieldNames()));
        // no normalizer in "plain": no "normalized" tap rows for it
        assertTrue(Files.readAllLines(out.resolve("stats.csv")).stream()
                .noneMatch(l -> l.startsWith("plain,") && l.contains(",normalized,")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--variants|everything|--variants everything is not a preset",
        "--set|variants[0].network.norm=instance|variants[0].network.norm = instance is not allowed",
        "--set|variants[0].network.renorm_rmax=0.5|variants[0].network.renorm_rmax = 0.5 is out of range",
        "--set|variants[2].network.norm_groups=3|variants[2].network.norm_groups = 3 does not divide",
        "--set|variants[4].network.norm=layer|there is no variant 4",
        "--set|variants[0].training.batch_size=2|cannot differ between variants",
    })
    void badVariantInputExitsTwoNamingTheKeyAndWritesNothing(String option, String value, String message) {
        Path out = tmp.resolve("bad");
        Result r = option.equals("--variants")
                ? run("--headless", option, value, "--steps", "5", "--out", out.toString())
                : run("--headless", "--variants", "normalizers", option, value, "--steps", "5", "--out",
                        out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void fiveVariantsInAFileAreRefused() throws IOException {
        Path file = tmp.resolve("five.json");
        Files.writeString(file, "{\"variants\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}, "
                + "{\"name\": \"d\"}, {\"name\": \"e\"}]}");
        Path out = tmp.resolve("five");
        Result r = run("--headless", "--scenario", file.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("variants has 5 entries; at most 4"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aScheduledChangeIsARowOfEventsCsvAndAMarkerInThePngs() throws Exception {
        Path sc = tmp.resolve("bn-off.json");
        Files.writeString(sc, "{\"name\": \"bn-off\", \"training\": {\"steps\": 4000},"
                + " \"schedule\": [{\"step\": 3000, \"set\": {\"network.batchnorm\": false}}]}");
        Path out = tmp.resolve("sched");
        Result r = run("--headless", "--scenario", sc.toString(), "--every", "50", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("step,run,key,old,new", "3000,all,network.norm,batch,none"),
                Files.readAllLines(out.resolve("events.csv")));
        // the run turned BN off at step 3000: its last statistics have no "after BN" tap
        List<String> stats = Files.readAllLines(out.resolve("stats.csv"));
        assertTrue(stats.stream().anyMatch(l -> l.startsWith("main,2950,1,normalized,")));
        assertTrue(stats.stream().noneMatch(l -> l.startsWith("main,3000,1,normalized,")));
        // training.png: steps 0…4000 between the left and right axes; the marker is the one pink column at 3000
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.resolve("training.png").toFile());
        List<Double> axes = MarkerPixels.columns(img, MarkerPixels::axisGrey), pink = MarkerPixels.columns(img,
                MarkerPixels::pink);
        double left = axes.get(0), right = axes.get(axes.size() - 1);
        assertEquals(1, pink.size(), pink.toString());
        assertEquals(left + 0.75 * (right - left), pink.get(0), 3, "axes " + axes + ", marker " + pink);
        // and in every time chart of the dashboard (training, then 3 layers × heat map, mean ± std, percentiles)
        java.awt.image.BufferedImage dash = javax.imageio.ImageIO.read(out.resolve("dashboard.png").toFile());
        assertTrue(MarkerPixels.columns(dash, MarkerPixels::pink).size() >= 3);
        for (String f : new String[] {"layer2-activation-distribution.png", "layer2-activation-moments.png",
            "layer2-linear-percentiles.png"}) {
            assertEquals(1, MarkerPixels.columns(javax.imageio.ImageIO.read(out.resolve(f).toFile()),
                    MarkerPixels::pink).size(), f);
        }
        // no change, no marker: an events.csv with its header only
        Path plain = tmp.resolve("plain");
        assertEquals(0, run("--headless", "--no-png", "--steps", "5", "--out", plain.toString()).code());
        assertEquals(List.of("step,run,key,old,new"), Files.readAllLines(plain.resolve("events.csv")));
    }

    @Test
    void aBadScheduleExitsTwoNamingTheEntryAndWritesNothing() throws IOException {
        String[][] cases = {
            {"[{\"step\": 10, \"set\": {\"network.hidden\": [4, 4]}}]", "schedule[0].set.network.hidden",
                "rebuild"},
            {"[{\"step\": 10, \"set\": {\"training.learning_rate\": 0.1}}, {\"step\": 0, \"set\": "
                + "{\"network.norm\": \"none\"}}]", "schedule[1].step = 0", "from 1"},
            {"[{\"step\": 10, \"set\": {\"network.norm\": \"off\"}}]", "schedule[0].set.network.norm", "one of"},
            {"[{\"step\": 10, \"set\": {\"training.bogus\": 1}}]", "unknown key training.bogus", "schedule[0]"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path f = tmp.resolve("bad" + i + ".json");
            Files.writeString(f, "{\"schedule\": " + cases[i][0] + "}");
            Path out = tmp.resolve("none" + i);
            Result r = run("--headless", "--scenario", f.toString(), "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(cases[i][1]) && r.err().contains(cases[i][2]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "nothing written for " + cases[i][0]);
        }
    }
}
