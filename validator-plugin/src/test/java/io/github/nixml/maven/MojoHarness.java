package io.github.nixml.maven;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A goal as Maven would configure it (fields set as the plugin descriptor says), with its log recorded. */
final class MojoHarness<M extends AbstractMojo> {
  final M mojo;
  /** Every log line as {@code LEVEL text}. */
  final List<String> log = new ArrayList<>();

  MojoHarness(M mojo) {
    this.mojo = mojo;
    mojo.setLog(new SystemStreamLog() {
      @Override public void error(CharSequence content) { log.add("ERROR " + content); }
      @Override public void warn(CharSequence content) { log.add("WARN " + content); }
      @Override public void info(CharSequence content) { log.add("INFO " + content); }
    });
  }

  /** Sets a parameter field of the goal or of the parameters it shares with the other goals. */
  MojoHarness<M> set(String name, Object value) throws ReflectiveOperationException {
    for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
        return this;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
  }
}
