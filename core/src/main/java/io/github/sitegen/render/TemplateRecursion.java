package io.github.sitegen.render;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import freemarker.core.Environment;
import freemarker.core.TemplateObject;

/**
 * Finds where a template that calls itself without end recursed. FreeMarker sets no depth limit, so
 * such a template ends in a {@link StackOverflowError}; its instruction stack, which unwinding
 * shrinks but does not clear, still holds the elements of the deepest call: the macro call found
 * there most often, or the {@code <#include>} (or, for a function, the element found most often) is
 * the one that repeats. FreeMarker keeps that stack private, so this reads it
 * reflectively and gives up quietly (no position) if a FreeMarker version lays it out differently.
 */
final class TemplateRecursion {

    private TemplateRecursion() {
    }

    static Optional<TemplateObject> repeatedCall(Environment environment) {
        Object[] stack;
        try {
            Field field = Environment.class.getDeclaredField("instructionStack");
            field.setAccessible(true);
            stack = (Object[]) field.get(environment);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
        Map<TemplateObject, Integer> counts = new IdentityHashMap<>();
        for (Object element : stack) {
            if (element instanceof TemplateObject object) {
                counts.merge(object, 1, Integer::sum);
            }
        }
        // A macro's body, or an included template's, is on the stack as often as the call to it: name
        // the call, <@m/> or <#include "x.ftlh">, when there is one.
        TemplateObject repeated = null;
        int most = 1;
        for (boolean callsOnly : new boolean[] {true, false}) {
            for (Map.Entry<TemplateObject, Integer> entry : counts.entrySet()) {
                String form = entry.getKey().getCanonicalForm();
                boolean call = form.startsWith("<@") || form.startsWith("<#include");
                if (entry.getValue() > most && (call || !callsOnly)) {
                    repeated = entry.getKey();
                    most = entry.getValue();
                }
            }
            if (repeated != null) {
                break;
            }
        }
        return Optional.ofNullable(repeated);
    }
}
