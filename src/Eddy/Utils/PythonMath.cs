namespace Eddy.Utils;

/// <summary>
/// Functions of Python's <c>math</c> module that .NET lacks, and its float <c>round(x, ndigits)</c> (correctly rounded,
/// half to even), which .NET rounds differently; trees' split points and CDFs depend on them bit for bit. CPython's <c>math.erf</c> calls the C library's
/// <c>erf</c>; on glibc that is Sun's fdlibm algorithm with glibc's evaluation order of the rational approximations
/// (pairs of terms, then powers of the argument), ported here operation for operation so the bits agree.
/// </summary>
internal static class PythonMath
{
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx = 1.28379167095512586316e-01;
    private const double Pp0 = 1.28379167095512558561e-01;
    private const double Pp1 = -3.25042107247001499370e-01;
    private const double Pp2 = -2.84817495755985104766e-02;
    private const double Pp3 = -5.77027029648944159157e-03;
    private const double Pp4 = -2.37630166566501626084e-05;
    private const double Qq1 = 3.97917223959155352819e-01;
    private const double Qq2 = 6.50222499887672944485e-02;
    private const double Qq3 = 5.08130628187576562776e-03;
    private const double Qq4 = 1.32494738004321644526e-04;
    private const double Qq5 = -3.96022827877536812320e-06;
    private const double Pa0 = -2.36211856075265944077e-03;
    private const double Pa1 = 4.14856118683748331666e-01;
    private const double Pa2 = -3.72207876035701323847e-01;
    private const double Pa3 = 3.18346619901161753674e-01;
    private const double Pa4 = -1.10894694282396677476e-01;
    private const double Pa5 = 3.54783043256182359371e-02;
    private const double Pa6 = -2.16637559486879084300e-03;
    private const double Qa1 = 1.06420880400844228286e-01;
    private const double Qa2 = 5.40397917702171048937e-01;
    private const double Qa3 = 7.18286544141962662868e-02;
    private const double Qa4 = 1.26171219808761642112e-01;
    private const double Qa5 = 1.36370839120290507362e-02;
    private const double Qa6 = 1.19844998467991074170e-02;
    private const double Ra0 = -9.86494403484714822705e-03;
    private const double Ra1 = -6.93858572707181764372e-01;
    private const double Ra2 = -1.05586262253232909814e+01;
    private const double Ra3 = -6.23753324503260060396e+01;
    private const double Ra4 = -1.62396669462573470355e+02;
    private const double Ra5 = -1.84605092906711035994e+02;
    private const double Ra6 = -8.12874355063065934246e+01;
    private const double Ra7 = -9.81432934416914548592e+00;
    private const double Sa1 = 1.96512716674392571292e+01;
    private const double Sa2 = 1.37657754143519042600e+02;
    private const double Sa3 = 4.34565877475229228821e+02;
    private const double Sa4 = 6.45387271733267880336e+02;
    private const double Sa5 = 4.29008140027567833386e+02;
    private const double Sa6 = 1.08635005541779435134e+02;
    private const double Sa7 = 6.57024977031928170135e+00;
    private const double Sa8 = -6.04244152148580987438e-02;
    private const double Rb0 = -9.86494292470009928597e-03;
    private const double Rb1 = -7.99283237680523006574e-01;
    private const double Rb2 = -1.77579549177547519889e+01;
    private const double Rb3 = -1.60636384855821916062e+02;
    private const double Rb4 = -6.37566443368389627722e+02;
    private const double Rb5 = -1.02509513161107724954e+03;
    private const double Rb6 = -4.83519191608651397019e+02;
    private const double Sb1 = 3.03380607434824582924e+01;
    private const double Sb2 = 3.25792512996573918826e+02;
    private const double Sb3 = 1.53672958608443695994e+03;
    private const double Sb4 = 3.19985821950859553908e+03;
    private const double Sb5 = 2.55305040643316442583e+03;
    private const double Sb6 = 4.74528541206955367215e+02;
    private const double Sb7 = -2.24409524465858183362e+01;

    /// <summary>Python's <c>math.erf(x)</c>: the error function, odd, in [−1, 1]; NaN for NaN.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000)
        {
            return x > 0 ? 1.0 : -1.0;
        }

        if (ix < 0x3feb0000)
        {
            // |x| < 0.84375
            if (ix < 0x3e300000)
            {
                // |x| < 2^-28; below the normal range glibc scales by 16 to avoid a spurious underflow.
                return ix < 0x00800000 ? 0.0625 * ((16.0 * x) + (16.0 * Efx * x)) : x + (Efx * x);
            }

            double z = x * x;
            double r1 = Pp0 + (z * Pp1);
            double z2 = z * z;
            double r2 = Pp2 + (z * Pp3);
            double z4 = z2 * z2;
            double s1 = 1.0 + (z * Qq1);
            double s2 = Qq2 + (z * Qq3);
            double s3 = Qq4 + (z * Qq5);
            double r = r1 + (z2 * r2) + (z4 * Pp4);
            double s = s1 + (z2 * s2) + (z4 * s3);
            double y = r / s;
            return x + (x * y);
        }

        if (ix < 0x3ff40000)
        {
            // 0.84375 <= |x| < 1.25
            double s = Math.Abs(x) - 1.0;
            double p1 = Pa0 + (s * Pa1);
            double sq2 = s * s;
            double q1 = 1.0 + (s * Qa1);
            double sq4 = sq2 * sq2;
            double p2 = Pa2 + (s * Pa3);
            double sq6 = sq4 * sq2;
            double q2 = Qa2 + (s * Qa3);
            double p3 = Pa4 + (s * Pa5);
            double q3 = Qa4 + (s * Qa5);
            double p = p1 + (sq2 * p2) + (sq4 * p3) + (sq6 * Pa6);
            double q = q1 + (sq2 * q2) + (sq4 * q3) + (sq6 * Qa6);
            return hx >= 0 ? Erx + (p / q) : -Erx - (p / q);
        }

        if (ix >= 0x40180000)
        {
            // |x| >= 6: 1 - tiny rounds to 1.
            return hx >= 0 ? 1.0 : -1.0;
        }

        double ax = Math.Abs(x);
        double t = 1.0 / (ax * ax);
        double big, small;
        if (ix < 0x4006DB6E)
        {
            // |x| < 1/0.35
            double r1 = Ra0 + (t * Ra1);
            double t2 = t * t;
            double s1 = 1.0 + (t * Sa1);
            double t4 = t2 * t2;
            double r2 = Ra2 + (t * Ra3);
            double t6 = t4 * t2;
            double s2 = Sa2 + (t * Sa3);
            double t8 = t4 * t4;
            double r3 = Ra4 + (t * Ra5);
            double s3 = Sa4 + (t * Sa5);
            double r4 = Ra6 + (t * Ra7);
            double s4 = Sa6 + (t * Sa7);
            big = r1 + (t2 * r2) + (t4 * r3) + (t6 * r4);
            small = s1 + (t2 * s2) + (t4 * s3) + (t6 * s4) + (t8 * Sa8);
        }
        else
        {
            double r1 = Rb0 + (t * Rb1);
            double t2 = t * t;
            double s1 = 1.0 + (t * Sb1);
            double t4 = t2 * t2;
            double r2 = Rb2 + (t * Rb3);
            double t6 = t4 * t2;
            double s2 = Sb2 + (t * Sb3);
            double r3 = Rb4 + (t * Rb5);
            double s3 = Sb4 + (t * Sb5);
            double s4 = Sb6 + (t * Sb7);
            big = r1 + (t2 * r2) + (t4 * r3) + (t6 * Rb6);
            small = s1 + (t2 * s2) + (t4 * s3) + (t6 * s4);
        }

        // z is |x| with the low 32 bits cleared, so z*z is exact.
        double zz = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ax) & unchecked((long)0xFFFFFFFF00000000UL));
        double e = Math.Exp((-zz * zz) - 0.5625) * Math.Exp(((zz - ax) * (zz + ax)) + (big / small));
        return hx >= 0 ? 1.0 - (e / ax) : (e / ax) - 1.0;
    }

    /// <summary>
    /// CPython's <c>round(x, digits)</c> for a float: the exact binary value rounded half to even at the decimal
    /// digit, then read back correctly rounded.
    /// </summary>
    public static double Round(double x, int digits)
    {
        if (!double.IsFinite(x) || x == 0.0 || digits > 22 || digits < 0)
        {
            return x;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = (ulong)bits & 0xFFFFFFFFFFFFFUL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1UL << 52;
        }

        int shift = 1075 - exponent;
        if (shift <= 0)
        {
            return x;
        }

        UInt128 scale = UInt128.One;
        for (int i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        UInt128 numerator = (UInt128)mantissa * scale;
        UInt128 quotient;
        if (shift >= 127)
        {
            quotient = UInt128.Zero;
        }
        else
        {
            quotient = numerator >> shift;
            UInt128 remainder = numerator - (quotient << shift);
            UInt128 half = UInt128.One << (shift - 1);
            if (remainder > half || (remainder == half && (quotient & UInt128.One) == UInt128.One))
            {
                quotient++;
            }
        }

        double result = quotient < (UInt128.One << 53)
            ? (double)quotient / Pow10(digits)
            : double.Parse($"{quotient}E-{digits}", System.Globalization.CultureInfo.InvariantCulture);
        return negative ? -result : result;
    }

    private static double Pow10(int digits)
    {
        double p = 1.0;
        for (int i = 0; i < digits; i++)
        {
            p *= 10.0;
        }

        return p;
    }
}
