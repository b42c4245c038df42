package io.github.nixml.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.ValidationResult;
import java.io.IOException;
import java.io.OutputStream;

/** A plain JSON report: tool, summary counts, projects, rules and findings with their locations. */
public final class JsonReport {
  private JsonReport() {}

  public static void write(ValidationResult result, ToolInfo tool, OutputStream out) throws IOException {
    try (JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", tool.name());
      json.writeStringField("version", tool.version());
      json.writeEndObject();
      json.writeStringField("root", result.root().toString());
      json.writeObjectFieldStart("summary");
      json.writeNumberField("projects", result.projects().size());
      json.writeNumberField("nixFiles", result.nixFileCount());
      json.writeNumberField("errors", result.count(Severity.ERROR));
      json.writeNumberField("warnings", result.count(Severity.WARNING));
      json.writeNumberField("notes", result.count(Severity.NOTE));
      json.writeEndObject();
      json.writeArrayFieldStart("projects");
      for (String project : result.projects()) {
        json.writeString(project.isEmpty() ? "." : project);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("rules");
      for (RuleDescriptor rule : result.rules()) {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("defaultSeverity", rule.defaultSeverity().id());
        json.writeStringField("description", rule.shortDescription());
        json.writeStringField("helpUri", rule.helpUri());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("severity", finding.severity().id());
        json.writeStringField("message", finding.message());
        writeLocation(json, "location", finding.location());
        json.writeArrayFieldStart("related");
        for (Location related : finding.related()) {
          json.writeStartObject();
          writeLocationFields(json, related);
          json.writeEndObject();
        }
        json.writeEndArray();
        if (finding.fix().isPresent()) {
          json.writeObjectFieldStart("fix");
          json.writeStringField("description", finding.fix().get().description());
          json.writeArrayFieldStart("edits");
          for (TextEdit edit : finding.fix().get().edits()) {
            json.writeStartObject();
            json.writeStringField("path", edit.path());
            json.writeNumberField("offset", edit.offset());
            json.writeNumberField("length", edit.length());
            json.writeStringField("replacement", edit.replacement());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void writeLocation(JsonGenerator json, String name, Location location) throws IOException {
    json.writeObjectFieldStart(name);
    writeLocationFields(json, location);
    json.writeEndObject();
  }

  private static void writeLocationFields(JsonGenerator json, Location location) throws IOException {
    json.writeStringField("path", location.path());
    if (!location.isWholeFile()) {
      json.writeNumberField("line", location.line());
      json.writeNumberField("column", location.column());
      if (location.hasEnd()) {
        json.writeNumberField("endLine", location.endLine());
        json.writeNumberField("endColumn", location.endColumn());
      }
    }
  }
}
