using Parquet;
using Parquet.Schema;

namespace Harness.Results.Schema;

/// <summary>
/// Typed column reads and writes over Parquet.Net's low-level API. The tables use the low-level API (not the
/// reflection serializer) so that the column order is fixed by the schema declared in each table, and the bytes are a
/// function of the rows alone: Parquet.Net 6.1 writes no timestamp (its <c>created_by</c> is a constant version string).
/// </summary>
internal static class ParquetColumns
{
    /// <summary>Rows per row group: large enough that a cell's table is one group, small enough to bound memory.</summary>
    public const int RowGroupSize = 1 << 20;

    public static ParquetOptions Options { get; } = new() { CompressionMethod = CompressionMethod.Snappy };

    public static async Task WriteAsync<TRow>(Stream stream, ParquetSchema schema, IReadOnlyList<TRow> rows, Func<ParquetRowGroupWriter, TRow[], Task> writeGroup, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(schema, stream, Options, false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            for (var start = 0; start < rows.Count || (start == 0 && rows.Count == 0); start += RowGroupSize)
            {
                var count = Math.Min(RowGroupSize, rows.Count - start);
                var group = new TRow[count];
                for (var i = 0; i < count; i++)
                {
                    group[i] = rows[start + i];
                }

                using var rg = writer.CreateRowGroup();
                await writeGroup(rg, group).ConfigureAwait(false);
                rg.CompleteValidate();
                if (rows.Count == 0)
                {
                    break;
                }
            }
        }
    }

    public static Task Strings<TRow>(ParquetRowGroupWriter writer, DataField field, TRow[] rows, Func<TRow, string> get) =>
        writer.WriteAsync(field, Array.ConvertAll(rows, r => get(r)));

    public static Task Values<TRow, T>(ParquetRowGroupWriter writer, DataField field, TRow[] rows, Func<TRow, T> get)
        where T : struct =>
        writer.WriteAsync<T>(field, Array.ConvertAll(rows, r => get(r)).AsMemory());

    public static Task Nullables<TRow, T>(ParquetRowGroupWriter writer, DataField field, TRow[] rows, Func<TRow, T?> get)
        where T : struct =>
        writer.WriteAsync<T>(field, Array.ConvertAll(rows, r => get(r)).AsMemory());

    /// <summary>Opens a Parquet file, checks the expected columns are there with the expected types, and reads every row group.</summary>
    public static async Task<List<TRow>> ReadAsync<TRow>(Stream stream, string path, ParquetSchema expected, Func<GroupReader, Task<TRow[]>> readGroup, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, Options, true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new ResultFormatException($"{path}: not a readable Parquet file ({e.Message})", e);
        }

        await using (reader.ConfigureAwait(false))
        {
            var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
            foreach (var want in expected.DataFields)
            {
                var have = reader.Schema.DataFields.FirstOrDefault(f => f.Name == want.Name)
                    ?? throw new ResultFormatException($"{path}: no column '{want.Name}'");
                if (have.ClrType != want.ClrType)
                {
                    throw new ResultFormatException($"{path}: column '{want.Name}' is {have.ClrType.Name}, expected {want.ClrType.Name}");
                }

                if (have.IsNullable && !want.IsNullable)
                {
                    throw new ResultFormatException($"{path}: column '{want.Name}' may hold nulls, expected a required column");
                }

                fields[want.Name] = have;
            }

            var rows = new List<TRow>();
            try
            {
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var rg = reader.OpenRowGroupReader(g);
                    rows.AddRange(await readGroup(new GroupReader(rg, fields, checked((int)rg.RowCount), cancellationToken)).ConfigureAwait(false));
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
            {
                throw new ResultFormatException($"{path}: damaged Parquet data ({e.Message})", e);
            }

            return rows;
        }
    }

    /// <summary>Reads the columns of one row group by name.</summary>
    internal sealed class GroupReader(ParquetRowGroupReader reader, Dictionary<string, DataField> fields, int count, CancellationToken cancellationToken)
    {
        public int Count => count;

        public async Task<string[]> Strings(string name)
        {
            var values = new string?[count];
            await reader.ReadAsync(fields[name], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            var result = new string[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = values[i] ?? throw new InvalidDataException($"null in required column '{name}'");
            }

            return result;
        }

        public async Task<T[]> Values<T>(string name)
            where T : struct
        {
            var values = new T[count];
            await reader.ReadAsync<T>(fields[name], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }

        public async Task<T?[]> Nullables<T>(string name)
            where T : struct
        {
            var values = new T?[count];
            await reader.ReadAsync<T>(fields[name], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }
    }
}
