namespace Eddy.Trees;

/// <summary>
/// CPython's <c>math.erf</c> (the C library's, fdlibm's algorithm) and <c>round(x, ndigits)</c> (correctly rounded,
/// half to even), which .NET lacks or rounds differently; the trees' split points and CDFs depend on them bit for bit.
/// </summary>
internal static class PythonMath
{
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx = 1.28379167095512586316e-01;
    private const double Efx8 = 1.02703333676410069053e+00;
    private static readonly double[] s_pp = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
    private static readonly double[] s_qq = [0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
    private static readonly double[] s_pa = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
    private static readonly double[] s_qa = [0.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
    private static readonly double[] s_ra = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00];
    private static readonly double[] s_sa = [0.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02];
    private static readonly double[] s_rb = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02];
    private static readonly double[] s_sb = [0.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01];

    /// <summary>glibc's <c>erf</c> (fdlibm's rational approximations, evaluated in glibc's order).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : -1.0;
        }

        uint hx = (uint)(BitConverter.DoubleToInt64Bits(x) >> 32);
        int ix = (int)(hx & 0x7fffffff);
        bool negative = (hx & 0x80000000) != 0;
        if (ix < 0x3feb0000)
        {
            if (ix < 0x3e300000)
            {
                return ix < 0x00800000 ? 0.125 * ((8.0 * x) + (Efx8 * x)) : x + (Efx * x);
            }

            double z = x * x;
            double r1 = s_pp[0] + (z * s_pp[1]);
            double z2 = z * z;
            double r2 = s_pp[2] + (z * s_pp[3]);
            double z4 = z2 * z2;
            double s1 = 1.0 + (z * s_qq[1]);
            double s2 = s_qq[2] + (z * s_qq[3]);
            double s3 = s_qq[4] + (z * s_qq[5]);
            double r = r1 + (z2 * r2) + (z4 * s_pp[4]);
            double s = s1 + (z2 * s2) + (z4 * s3);
            return x + (x * (r / s));
        }

        if (ix < 0x3ff40000)
        {
            double s = Math.Abs(x) - 1.0;
            double p1 = s_pa[0] + (s * s_pa[1]);
            double sq2 = s * s;
            double q1 = 1.0 + (s * s_qa[1]);
            double sq4 = sq2 * sq2;
            double p2 = s_pa[2] + (s * s_pa[3]);
            double sq6 = sq4 * sq2;
            double q2 = s_qa[2] + (s * s_qa[3]);
            double p3 = s_pa[4] + (s * s_pa[5]);
            double q3 = s_qa[4] + (s * s_qa[5]);
            double p = p1 + (sq2 * p2) + (sq4 * p3) + (sq6 * s_pa[6]);
            double q = q1 + (sq2 * q2) + (sq4 * q3) + (sq6 * s_qa[6]);
            return negative ? -Erx - (p / q) : Erx + (p / q);
        }

        if (ix >= 0x40180000)
        {
            return negative ? -1.0 : 1.0;
        }

        double ax = Math.Abs(x);
        double w = 1.0 / (ax * ax);
        double w2 = w * w;
        double w4 = w2 * w2;
        double w6 = w4 * w2;
        double rr, ss;
        if (ix < 0x4006DB6E)
        {
            double w8 = w4 * w4;
            rr = s_ra[0] + (w * s_ra[1]) + (w2 * (s_ra[2] + (w * s_ra[3]))) + (w4 * (s_ra[4] + (w * s_ra[5]))) + (w6 * (s_ra[6] + (w * s_ra[7])));
            ss = 1.0 + (w * s_sa[1]) + (w2 * (s_sa[2] + (w * s_sa[3]))) + (w4 * (s_sa[4] + (w * s_sa[5]))) + (w6 * (s_sa[6] + (w * s_sa[7]))) + (w8 * s_sa[8]);
        }
        else
        {
            rr = s_rb[0] + (w * s_rb[1]) + (w2 * (s_rb[2] + (w * s_rb[3]))) + (w4 * (s_rb[4] + (w * s_rb[5]))) + (w6 * s_rb[6]);
            ss = 1.0 + (w * s_sb[1]) + (w2 * (s_sb[2] + (w * s_sb[3]))) + (w4 * (s_sb[4] + (w * s_sb[5]))) + (w6 * (s_sb[6] + (w * s_sb[7])));
        }

        double zz = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ax) & unchecked((long)0xffffffff00000000UL));
        double rExp = Math.Exp((-zz * zz) - 0.5625) * Math.Exp(((zz - ax) * (zz + ax)) + (rr / ss));
        return negative ? (rExp / ax) - 1.0 : 1.0 - (rExp / ax);
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
