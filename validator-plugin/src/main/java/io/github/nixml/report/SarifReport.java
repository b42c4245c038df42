package io.github.nixml.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.ValidationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0: one run whose driver describes every rule that ran (id, Pascal-case name, short description, help
 * URI, default level); each finding a result with rule id and index, level, message, a physical location relative
 * to the {@code ROOT} base URI with a region (line 1, column 1 for a finding about a whole file), its related
 * locations, its fix when a rule offers one (replacements by char offset and length, in the UTF-16 code units
 * {@code columnKind} announces) and its {@link Fingerprints fingerprint}. Compared with a baseline, each result has
 * its {@code baselineState} and the baseline's results no longer found follow as {@code absent}.
 */
public final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String ROOT_BASE_ID = "ROOT";

  private SarifReport() {}

  public static void write(ValidationResult result, ToolInfo tool, OutputStream out) throws IOException {
    write(result, tool, BaselineComparison.NONE, out);
  }

  public static void write(ValidationResult result, ToolInfo tool, BaselineComparison baseline, OutputStream out)
      throws IOException {
    try (JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(json, result.rules(), tool);
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(ROOT_BASE_ID);
      json.writeStringField("uri", rootUri(result));
      json.writeEndObject();
      json.writeEndObject();
      json.writeStringField("columnKind", "utf16CodeUnits");
      Map<String, Integer> ruleIndex = new HashMap<>();
      for (int i = 0; i < result.rules().size(); i++) {
        ruleIndex.put(result.rules().get(i).id(), i);
      }
      json.writeArrayFieldStart("results");
      Map<Finding, String> fingerprints = Fingerprints.of(result.findings());
      for (Finding finding : result.findings()) {
        writeResult(json, finding, ruleIndex.get(finding.ruleId()), fingerprints.get(finding),
            baseline.active() ? baseline.stateOf(finding) : null);
      }
      for (Baseline.Entry absent : baseline.absent()) {
        writeAbsent(json, absent, ruleIndex.get(absent.ruleId()));
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void writeTool(JsonGenerator json, List<RuleDescriptor> rules, ToolInfo tool) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", tool.name());
    json.writeStringField("version", tool.version());
    json.writeStringField("informationUri", tool.informationUri());
    json.writeArrayFieldStart("rules");
    for (RuleDescriptor rule : rules) {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      json.writeStringField("name", rule.name());
      json.writeObjectFieldStart("shortDescription");
      json.writeStringField("text", rule.shortDescription());
      json.writeEndObject();
      json.writeStringField("helpUri", rule.helpUri());
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", rule.defaultSeverity().id());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeResult(JsonGenerator json, Finding finding, Integer ruleIndex, String fingerprint,
      String baselineState) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.ruleId());
    if (ruleIndex != null) {
      json.writeNumberField("ruleIndex", ruleIndex);
    }
    json.writeStringField("level", finding.severity().id());
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    writePhysicalLocation(json, finding.location());
    json.writeEndObject();
    json.writeEndArray();
    if (!finding.related().isEmpty()) {
      json.writeArrayFieldStart("relatedLocations");
      int id = 0;
      for (Location related : finding.related()) {
        json.writeStartObject();
        json.writeNumberField("id", id++);
        writePhysicalLocation(json, related);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (finding.fix().isPresent()) {
      writeFix(json, finding.fix().get());
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(Fingerprints.KEY, fingerprint);
    json.writeEndObject();
    if (baselineState != null) {
      json.writeStringField("baselineState", baselineState);
    }
    json.writeEndObject();
  }

  /** A baseline result no longer found, as the baseline recorded it. */
  private static void writeAbsent(JsonGenerator json, Baseline.Entry entry, Integer ruleIndex) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", entry.ruleId());
    if (ruleIndex != null) {
      json.writeNumberField("ruleIndex", ruleIndex);
    }
    json.writeStringField("level", entry.level());
    json.writeObjectFieldStart("message");
    json.writeStringField("text", entry.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    writePhysicalLocation(json, entry.location());
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(Fingerprints.KEY, entry.fingerprint());
    json.writeEndObject();
    json.writeStringField("baselineState", "absent");
    json.writeEndObject();
  }

  private static void writeFix(JsonGenerator json, Fix fix) throws IOException {
    json.writeArrayFieldStart("fixes");
    json.writeStartObject();
    json.writeObjectFieldStart("description");
    json.writeStringField("text", fix.description());
    json.writeEndObject();
    json.writeArrayFieldStart("artifactChanges");
    for (String path : fix.paths()) {
      json.writeStartObject();
      json.writeObjectFieldStart("artifactLocation");
      json.writeStringField("uri", relativeUri(path));
      json.writeStringField("uriBaseId", ROOT_BASE_ID);
      json.writeEndObject();
      json.writeArrayFieldStart("replacements");
      for (TextEdit edit : fix.edits()) {
        if (!edit.path().equals(path)) {
          continue;
        }
        json.writeStartObject();
        json.writeObjectFieldStart("deletedRegion");
        json.writeNumberField("charOffset", edit.offset());
        json.writeNumberField("charLength", edit.length());
        json.writeEndObject();
        if (!edit.replacement().isEmpty()) {
          json.writeObjectFieldStart("insertedContent");
          json.writeStringField("text", edit.replacement());
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writePhysicalLocation(JsonGenerator json, Location location) throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", relativeUri(location.path()));
    json.writeStringField("uriBaseId", ROOT_BASE_ID);
    json.writeEndObject();
    if (location.isWholeFile()) {
      // Every result has a region (the SARIF validator warns otherwise): a whole file is reported at its start,
      // marked so that readers can tell it from a finding at 1:1.
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", 1);
      json.writeNumberField("startColumn", 1);
      json.writeObjectFieldStart("properties");
      json.writeBooleanField("wholeFile", true);
      json.writeEndObject();
      json.writeEndObject();
    } else {
      writeRegion(json, location.line(), location.column(), location.endLine(), location.endColumn());
    }
    json.writeEndObject();
  }

  private static void writeRegion(JsonGenerator json, int line, int column, int endLine, int endColumn)
      throws IOException {
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", line);
    json.writeNumberField("startColumn", Math.max(1, column));
    if (endLine > 0) {
      json.writeNumberField("endLine", endLine);
      json.writeNumberField("endColumn", Math.max(1, endColumn));
    }
    json.writeEndObject();
  }

  /** A root-relative path as a relative URI reference, each segment percent-encoded as needed. */
  static String relativeUri(String path) {
    try {
      String encoded = new URI(null, null, path, null).toASCIIString();
      // A first segment holding ':' would read as a scheme; "./" keeps it a relative reference.
      int colon = encoded.indexOf(':');
      int slash = encoded.indexOf('/');
      return colon >= 0 && (slash < 0 || colon < slash) ? "./" + encoded : encoded;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot encode path " + path, e);
    }
  }

  private static String rootUri(ValidationResult result) {
    String uri = result.root().toUri().toASCIIString();
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
