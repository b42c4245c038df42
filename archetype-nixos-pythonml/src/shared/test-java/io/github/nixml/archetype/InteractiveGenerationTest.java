package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * README's interactive command, {@code mvn archetype:generate -DaskForDefaultPropertyValues=true}, driven as a user
 * types: Maven asks for every property with its default (the day {@code newest-release} is judged on too: the
 * answer 2027-07-15 must give nixos-27.05), refuses a Python keyword as the package (the
 * {@code validationRegex}) and asks again, and the answers reach the generated files.
 */
@ResourceLock(NestedMaven.STAGED_REPOSITORY)
class InteractiveGenerationTest {

  private static final Pattern PROPERTY_PROMPT = Pattern.compile("Define value for property '([^']+)'(.*): $");
  private static final String TRY_AGAIN = "Value does not match the expression, please try again";

  @Test
  void promptsForEveryPropertyAndRefusesAKeywordAsPackage(@TempDir Path output) throws Exception {
    // What the user types at each prompt, in order per property; "" accepts the default shown.
    Map<String, Deque<String>> answers = new LinkedHashMap<>();
    answers.put("groupId", new ArrayDeque<>(List.of("org.example.ask")));
    answers.put("artifactId", new ArrayDeque<>(List.of("ask-lab")));
    answers.put("version", new ArrayDeque<>(List.of("1.0.0-RC1")));
    answers.put("package", new ArrayDeque<>(List.of("class", "ask_lab")));
    answers.put("pythonVersion", new ArrayDeque<>(List.of("3.12")));
    answers.put("cuda", new ArrayDeque<>(List.of("false")));
    answers.put("nixpkgsBranch", new ArrayDeque<>(List.of("")));
    // The day newest-release is judged on, typed at its prompt: the pin reaches generation through the answer.
    answers.put("nixml.today", new ArrayDeque<>(List.of("2027-07-15")));
    answers.put("projectDescription", new ArrayDeque<>(List.of("Asked for, # not a heading")));
    if (Layout.current() == Layout.FHS) {
      answers.put("shell", new ArrayDeque<>(List.of("zsh")));
    }
    Map<String, String> properties = Map.of("askForDefaultPropertyValues", "true");
    Process process = new ProcessBuilder(NestedMaven.generateCommand(output, false, properties))
        .directory(output.toFile()).redirectErrorStream(true).start();
    // A prompt this test does not recognise would block the read below: the watchdog ends the process.
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    watchdog.schedule(process::destroyForcibly, 300, TimeUnit.SECONDS);

    List<String> prompts = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    String lastProperty = null;
    try (InputStream in = process.getInputStream(); OutputStream keyboard = process.getOutputStream()) {
      byte[] buffer = new byte[8192];
      int promptStart = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        log.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        String pending = log.substring(promptStart);
        Matcher prompt = PROPERTY_PROMPT.matcher(pending.substring(Math.max(0, pending.lastIndexOf('\n') + 1)));
        String answer = null;
        if (prompt.find()) {
          lastProperty = prompt.group(1);
          prompts.add(lastProperty + prompt.group(2));
          answer = nextAnswer(answers, lastProperty, log);
        } else if (pending.endsWith(": ") && pending.contains(TRY_AGAIN)) {
          prompts.add(lastProperty + " again");
          answer = nextAnswer(answers, lastProperty, log);
        } else if (pending.endsWith(": ") && pending.contains("Confirm properties configuration:")) {
          answer = "Y";
        }
        if (answer != null) {
          keyboard.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
          keyboard.flush();
          promptStart = log.length();
        }
      }
    }
    watchdog.shutdownNow();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(log.toString()).isTrue();
    assertThat(process.exitValue()).as(log.toString()).isZero();

    assertThat(prompts).as(log.toString())
        .contains("package again")
        .anyMatch(p -> p.startsWith("pythonVersion") && p.endsWith("3.11"))
        .anyMatch(p -> p.startsWith("cuda") && p.endsWith("true"))
        .anyMatch(p -> p.startsWith("nixpkgsBranch") && p.endsWith("newest-release"))
        .anyMatch(p -> p.startsWith("nixml.today") && p.endsWith("today"))
        .anyMatch(p -> p.startsWith("projectDescription"));
    if (Layout.current() == Layout.FHS) {
      assertThat(prompts).anyMatch(p -> p.startsWith("shell") && p.endsWith("bash"));
    }
    Path project = output.resolve("ask-lab");
    String flake = Files.readString(project.resolve("flake.nix"), StandardCharsets.UTF_8);
    assertThat(flake).contains("github:NixOS/nixpkgs/nixos-27.05\"", "python312").doesNotContain("cudatoolkit");
    if (Layout.current() == Layout.FHS) {
      assertThat(flake).contains("runScript = \"zsh\";");
    }
    assertThat(Files.readString(project.resolve("pyproject.toml"), StandardCharsets.UTF_8))
        .contains("version = \"1.0.0rc1\"", "packages = [\"src/ask_lab\"]");
    assertThat(ReadmeText.description(Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8)))
        .isEqualTo("Asked for, # not a heading");
    assertThat(project.resolve("src/ask_lab/__init__.py")).exists();
  }

  private static String nextAnswer(Map<String, Deque<String>> answers, String property, CharSequence log) {
    Deque<String> left = answers.get(property);
    if (left == null || left.isEmpty()) {
      throw new AssertionError("unexpected prompt for " + property + ":\n" + log);
    }
    return left.removeFirst();
  }
}
