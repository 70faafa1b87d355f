using Eddy.Base;

namespace Eddy.Neighbors;

/// <summary>
/// The order in which CPython iterates a <c>set</c> of numeric classes. River's KNN keeps its classes in a set and
/// builds its prediction dict from it, so the arg-max breaks ties by this order (False before True, small integers
/// ascending), not by first appearance. String hashes are randomised per Python process, so for text classes no
/// order is River's; those keep first-seen order.
/// </summary>
internal static class PythonSetOrder
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;
    private const int HashBits = 61;
    private const ulong Modulus = (1UL << HashBits) - 1;

    /// <summary>Class indices in set iteration order, after adding the classes in index order (first seen first).</summary>
    public static int[] Order(ClassTable classes)
    {
        int count = classes.Count;
        var order = new int[count];
        var hashes = new long[count];
        for (int c = 0; c < count; c++)
        {
            order[c] = c;
        }

        for (int c = 0; c < count; c++)
        {
            if (!classes[c].IsNumeric)
            {
                return order;
            }

            hashes[c] = Hash(classes[c].ToDouble());
        }

        int[] table = NewTable(MinSize);
        int fill = 0;
        for (int c = 0; c < count; c++)
        {
            Insert(table, hashes, c);
            fill++;
            if ((ulong)fill * 5 >= (ulong)(table.Length - 1) * 3)
            {
                int size = MinSize;
                while (size <= fill * 4)
                {
                    size <<= 1;
                }

                int[] resized = NewTable(size);
                foreach (int entry in table)
                {
                    if (entry >= 0)
                    {
                        Insert(resized, hashes, entry);
                    }
                }

                table = resized;
            }
        }

        int position = 0;
        foreach (int entry in table)
        {
            if (entry >= 0)
            {
                order[position++] = entry;
            }
        }

        return order;
    }

    /// <summary>CPython's <c>hash()</c> of an int or a float (<c>_Py_HashDouble</c>); equal for 1, 1.0 and True.</summary>
    internal static long Hash(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 9.2e18)
        {
            long integer = (long)value;
            long h = (long)((ulong)Math.Abs(integer) % Modulus) * Math.Sign(integer);
            return h == -1 ? -2 : h;
        }

        double m = Math.Abs(value);
        int e = Math.ILogB(m) + 1;
        m = Math.ScaleB(m, -e);
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Modulus) | (x >> (HashBits - 28));
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus)
            {
                x -= Modulus;
            }
        }

        e = e >= 0 ? e % HashBits : HashBits - 1 - ((-1 - e) % HashBits);
        x = ((x << e) & Modulus) | (x >> (HashBits - e));
        long hash = value < 0 ? -(long)x : (long)x;
        return hash == -1 ? -2 : hash;
    }

    private static int[] NewTable(int size)
    {
        var table = new int[size];
        Array.Fill(table, -1);
        return table;
    }

    /// <summary><c>set_insert_clean</c>: linear probes, then the perturbed jump.</summary>
    private static void Insert(int[] table, long[] hashes, int entry)
    {
        ulong mask = (ulong)table.Length - 1;
        ulong perturb = (ulong)hashes[entry];
        ulong i = perturb & mask;
        while (true)
        {
            if (table[i] < 0)
            {
                table[i] = entry;
                return;
            }

            if (i + LinearProbes <= mask)
            {
                for (ulong j = 1; j <= LinearProbes; j++)
                {
                    if (table[i + j] < 0)
                    {
                        table[i + j] = entry;
                        return;
                    }
                }
            }

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }
}
