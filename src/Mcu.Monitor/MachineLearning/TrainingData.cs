using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mcu.Monitor.Evaluation;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// Reads what the models learn from, in a fixed order: the corpus folder's <c>*.jsonl</c> (by file name), the
/// operator's extra files (<c>text,&lt;label&gt;</c> CSV or corpus-schema JSONL) in the order given, then the
/// officers' corrections stored in <c>training_feedback</c> (the latest per post and field wins).
/// </summary>
public sealed class TrainingData
{
    public static readonly string[] Fields = ["sector", "appeal", "negative", "inappropriate"];

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public List<LabelledText> Texts { get; } = [];

    public List<ModelCardFile> Files { get; } = [];

    public List<string> Warnings { get; } = [];

    public int FeedbackRows { get; private set; }

    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void AddCorpusDirectory(string directory, ISet<string> sectors)
    {
        if (!Directory.Exists(directory))
        {
            throw new FileNotFoundException($"corpus folder not found: {Path.GetFullPath(directory)}");
        }

        var files = Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"no *.jsonl files in the corpus folder {Path.GetFullPath(directory)}");
        }

        foreach (var file in files)
        {
            AddFile(file, sectors);
        }
    }

    public void AddFile(string path, ISet<string> sectors)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"training file not found: {Path.GetFullPath(path)}");
        }

        var bytes = File.ReadAllBytes(path);
        _hash.AppendData(bytes);
        var before = Texts.Count;
        var text = Encoding.UTF8.GetString(bytes);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ReadCsv(path, text, sectors);
        }
        else
        {
            ReadJsonl(path, text, sectors);
        }

        Files.Add(new ModelCardFile(path.Replace('\\', '/'), Convert.ToHexStringLower(SHA256.HashData(bytes)), Texts.Count - before));
    }

    /// <summary>Officers' corrections (the Telegram button «Неверная категория», the web console): the latest per post and field.</summary>
    public void AddFeedback(SqliteConnection connection, ISet<string> sectors)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.id, f.post_key, f.field, f.value, p.text
            FROM training_feedback f JOIN posts p ON p.key = f.post_key
            WHERE p.text_erased_at IS NULL AND p.text <> ''
            ORDER BY f.post_key, f.id
            """;
        using var reader = command.ExecuteReader();
        var byPost = new Dictionary<string, LabelledText>(StringComparer.Ordinal);
        var order = new List<string>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var key = reader.GetString(1);
            var field = reader.GetString(2);
            var value = reader.GetString(3);
            _hash.AppendData(Encoding.UTF8.GetBytes($"{id}\t{key}\t{field}\t{value}\n"));
            FeedbackRows++;
            if (!byPost.TryGetValue(key, out var labelled))
            {
                labelled = new LabelledText(reader.GetString(4)) { Origin = "feedback:" + key };
                order.Add(key);
            }

            var updated = WithLabel(labelled, field, value, sectors, $"feedback {id} ({key})");
            byPost[key] = updated ?? labelled;
        }

        Texts.AddRange(order.Select(k => byPost[k]).Where(HasAnyLabel));
    }

    private void ReadJsonl(string path, string content, ISet<string> sectors)
    {
        var lineNumber = 0;
        foreach (var line in content.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
                {
                    Warnings.Add($"{path}:{lineNumber}: skipped: no text");
                    continue;
                }

                var network = root.TryGetProperty("network", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                LabelledText? labelled = new(textElement.GetString()!) { Origin = $"{path}:{lineNumber}", Network = network };
                foreach (var field in Fields)
                {
                    if (labelled is not null && root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
                    {
                        labelled = WithLabel(labelled, field, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), sectors, $"{path}:{lineNumber}");
                    }
                }

                if (labelled is not null && HasAnyLabel(labelled))
                {
                    Texts.Add(labelled);
                }
            }
            catch (JsonException ex)
            {
                Warnings.Add($"{path}:{lineNumber}: skipped: {ex.Message}");
            }
        }
    }

    private void ReadCsv(string path, string content, ISet<string> sectors)
    {
        using var reader = new StringReader(content);
        var row = 1;
        foreach (var record in CsvReader.ReadWithHeader(reader))
        {
            row++;
            if (!record.TryGetValue("text", out var text))
            {
                throw new InvalidDataException($"{path}: needs a header with a text column and a label column ({string.Join(", ", Fields)})");
            }

            LabelledText? labelled = new(text) { Origin = $"{path}:row {row}" };
            foreach (var field in Fields)
            {
                if (labelled is not null && record.TryGetValue(field, out var value) && value.Length > 0)
                {
                    labelled = WithLabel(labelled, field, value, sectors, $"{path}:row {row}");
                }
            }

            if (labelled is not null && HasAnyLabel(labelled))
            {
                Texts.Add(labelled);
            }
        }
    }

    private LabelledText? WithLabel(LabelledText labelled, string field, string value, ISet<string> sectors, string where)
    {
        value = value.Trim();
        if (field == "risk")
        {
            return labelled; // risk is scored, not learned: its corrections are kept for reviewing the risk weights
        }

        if (field == "sector")
        {
            if (!sectors.Contains(value))
            {
                Warnings.Add($"{where}: skipped: sector '{value}' is not configured");
                return null;
            }

            return labelled with { Sector = value };
        }

        bool? flag = value.ToLowerInvariant() switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => null,
        };
        if (flag is null)
        {
            Warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: skipped: {field} = '{value}' is not 0 or 1"));
            return null;
        }

        return field switch
        {
            "appeal" => labelled with { Appeal = flag },
            "negative" => labelled with { Negative = flag },
            "inappropriate" => labelled with { Inappropriate = flag },
            _ => labelled,
        };
    }

    private static bool HasAnyLabel(LabelledText t) => t.Sector is not null || t.Appeal is not null || t.Negative is not null || t.Inappropriate is not null;
}
