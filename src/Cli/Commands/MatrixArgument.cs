using System.Globalization;
using System.Text;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Cli.Commands;

/// <summary>Reads a MATRIX argument (inline text or a file path) and prints integer matrices with aligned columns.</summary>
internal static class MatrixArgument
{
    /// <summary>
    /// Returns the matrix given inline (text starting with '[', such as <c>[[1,2],[3,4]]</c>) or in the named file.
    /// </summary>
    /// <exception cref="FormatException">The text is not a matrix; the message names the position and the token.</exception>
    /// <exception cref="FileNotFoundException">The argument is neither matrix text nor an existing file.</exception>
    public static IntegerMatrix Read(string argument)
    {
        string trimmed = argument.Trim();
        if (trimmed.StartsWith('['))
        {
            return IntegerMatrix.Parse(trimmed);
        }

        if (!File.Exists(argument))
        {
            throw new FileNotFoundException(
                $"MATRIX '{argument}' is neither matrix text such as [[1,2],[3,4]] nor an existing file.", argument);
        }

        string text = File.ReadAllText(argument);
        if (!IntegerMatrix.TryParse(text, out var matrix, out var error))
        {
            throw new FormatException($"{argument}: {error}");
        }

        return matrix;
    }

    /// <summary>Formats the matrix as indented rows <c>[ a  b ]</c> with right-aligned columns; an empty matrix prints its shape.</summary>
    public static string Format(IntegerMatrix matrix, string indent = "  ")
    {
        if (matrix.RowCount == 0 || matrix.ColumnCount == 0)
        {
            return $"{indent}(empty {matrix.RowCount} x {matrix.ColumnCount} matrix)";
        }

        var widths = Enumerable.Range(0, matrix.ColumnCount)
            .Select(j => Enumerable.Range(0, matrix.RowCount).Max(i => matrix[i, j].ToString(CultureInfo.InvariantCulture).Length))
            .ToArray();
        var builder = new StringBuilder();
        for (int i = 0; i < matrix.RowCount; i++)
        {
            if (i > 0)
            {
                builder.AppendLine();
            }

            builder.Append(indent).Append("[ ");
            for (int j = 0; j < matrix.ColumnCount; j++)
            {
                builder.Append(matrix[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(widths[j])).Append(' ');
            }

            builder.Append(']');
        }

        return builder.ToString();
    }
}
