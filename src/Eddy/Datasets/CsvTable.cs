using System.Text;

namespace Eddy.Datasets;

/// <summary>A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF), enough for River's files.</summary>
public static class CsvTable
{
    /// <summary>Reads every record; the first is the header.</summary>
    public static List<string[]> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool fieldStarted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        records.Add([.. fields]);
                    }

                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InvalidDataException("The CSV ends inside a quoted field.");
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
