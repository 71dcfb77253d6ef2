using System.Text;

namespace Addons.Karc.Status;

/// <summary>
/// kubectl-style plain table: upper-case headers, columns separated by three spaces, no borders,
/// no trailing whitespace. Colour is applied after padding so escape codes never skew alignment.
/// </summary>
internal sealed class TableWriter
{
    private const int Padding = 3;
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];
    private readonly List<Func<string, string>?> _styles = [];

    public TableWriter(params string[] headers) => _headers = headers;

    public int RowCount => _rows.Count;

    /// <summary>Adds a row; <paramref name="lastCellStyle"/> decorates the last cell (e.g. colour) after padding.</summary>
    public void Add(string[] cells, Func<string, string>? lastCellStyle = null)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        _styles.Add(lastCellStyle);
    }

    public void WriteTo(StringBuilder output)
    {
        var widths = new int[_headers.Length];
        foreach (var row in _rows.Prepend(_headers))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(output, _headers, widths, null);
        for (var r = 0; r < _rows.Count; r++)
        {
            WriteRow(output, _rows[r], widths, _styles[r]);
        }
    }

    private static void WriteRow(StringBuilder output, string[] cells, int[] widths, Func<string, string>? lastStyle)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var last = i == cells.Length - 1;
            if (last)
            {
                output.Append(lastStyle is null ? cells[i] : lastStyle(cells[i]));
            }
            else
            {
                output.Append(cells[i].PadRight(widths[i] + Padding));
            }
        }

        output.Append('\n');
    }
}
