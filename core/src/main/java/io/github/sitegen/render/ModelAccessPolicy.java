package io.github.sitegen.render;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;

/**
 * What a template may read on a Java object: the public methods without arguments that site-gen's
 * own classes declare (record components, and the other fields the data model documents), and
 * nothing else. Methods that take arguments ({@code site.withLanguage(..)}, not part of the data
 * model; the documented functions {@code url} and {@code t} are variables of their own), members
 * every object has ({@code getClass()}, {@code hashCode()}, {@code equals(..)}, {@code wait()}...,
 * also where a record redeclares them), members of the JDK's classes (a date has none a template
 * can call), constructors and fields are hidden, so no template reaches {@code Class} and
 * reflection. Printing a value ({@code d?string}) still uses its {@code toString()}.
 */
final class ModelAccessPolicy implements MemberAccessPolicy {

    static final ModelAccessPolicy INSTANCE = new ModelAccessPolicy();

    private static final String OWN_PACKAGES = "io.github.sitegen.";

    private static final ClassMemberAccessPolicy MEMBERS = new ClassMemberAccessPolicy() {
        @Override
        public boolean isMethodExposed(Method method) {
            return method.getDeclaringClass().getName().startsWith(OWN_PACKAGES) && method.getParameterCount() == 0
                    && !isObjectMethod(method);
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return false;
        }
    };

    private ModelAccessPolicy() {
    }

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
        return MEMBERS;
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return true;
    }

    /** Whether {@code method} is one of Object's, redeclared (a record's equals, hashCode and toString). */
    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
