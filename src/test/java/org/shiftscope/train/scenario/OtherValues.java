package org.shiftscope.train.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shiftscope.train.scenario.ValueType.Bool;
import org.shiftscope.train.scenario.ValueType.Choice;
import org.shiftscope.train.scenario.ValueType.Int;
import org.shiftscope.train.scenario.ValueType.IntList;
import org.shiftscope.train.scenario.ValueType.Num;
import org.shiftscope.train.scenario.ValueType.Text;

/** For tests over the whole table: an allowed value other than a setting's default, and how to type it. */
final class OtherValues {
    private OtherValues() {}

    /** an allowed value that differs from the default, or empty when the type allows only one (an enum of one) */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> of(Setting<T> k) {
        T def = k.defaultValue();
        List<Object> candidates = new ArrayList<>();
        ValueType<T> type = k.type();
        if (type instanceof Num n) {
            double d = (Double) def;
            candidates.add(d / 2);
            candidates.add(n.lo() + (n.hi() - n.lo()) / 4);
            candidates.add(n.hi());
        } else if (type instanceof Int) {
            candidates.add((Long) def + 1);
            candidates.add((Long) def - 1);
        } else if (type instanceof Bool) {
            candidates.add(!(Boolean) def);
        } else if (type instanceof Text) {
            candidates.add(def + "-other");
        } else if (type instanceof Choice<?> c) {
            candidates.addAll(c.values());
        } else if (type instanceof IntList) {
            List<Integer> l = new ArrayList<>((List<Integer>) def);
            l.add(3);
            candidates.add(List.copyOf(l));
            candidates.add(List.of(5));
        }
        for (Object v : candidates) {
            T t = (T) v;
            if (!t.equals(def) && type.allows(t)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** the value as typed after {@code --set key=} */
    static String text(Object v) {
        if (v instanceof Enum<?> e) return Choice.key(e);
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).collect(Collectors.joining(","));
        return String.valueOf(v);
    }
}
