using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.Agrawal</c>. Nine loan-applicant features and one of ten functions deciding whether the
/// loan is approved. Agrawal, Imielinski and Swami (1993).
/// </summary>
/// <remarks>
/// <para>Draws follow River's code, not its prose: house value is <c>(8 − zipcode)·100000·U(0.5, 1.5)</c>, while the
/// perturbation clamps it to <c>[(9 − zipcode)·100000, 0]</c> (so a perturbed house value is either bound), and
/// perturbed age and years are rounded half to even as Python's <c>round</c>. Labels are the integers 0 and 1.</para>
/// <para><see cref="GenerateDrift"/> changes <see cref="ClassificationFunction"/> for good; <see cref="Restart"/> only
/// re-seeds, as River's <c>iter</c> does.</para>
/// </remarks>
public sealed class Agrawal : SyntheticStream
{
    internal static readonly string[] Names = ["salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan"];

    private readonly PythonRandom _rng;
    private bool _nextClassShouldBeZero;

    public Agrawal(int classificationFunction = 0, long? seed = null, bool balanceClasses = false, double perturbation = 0.0)
        : base(nameof(Agrawal), TaskKind.BinaryClassification, 2, Names)
    {
        if (classificationFunction is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(classificationFunction), classificationFunction, "Valid values are 0 to 9.");
        }

        ClassificationFunction = classificationFunction;
        BalanceClasses = balanceClasses;
        Perturbation = RequireUnit(perturbation, nameof(perturbation));
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
    }

    public int ClassificationFunction { get; private set; }

    public bool BalanceClasses { get; }

    public double Perturbation { get; }

    public long Seed { get; }

    public override void Restart()
    {
        _rng.Seed(Seed);
        _nextClassShouldBeZero = false;
    }

    /// <summary>River's <c>generate_drift</c>: switches to another classification function drawn at random.</summary>
    public void GenerateDrift()
    {
        int next = (int)_rng.RandInt(0, 9);
        while (next == ClassificationFunction)
        {
            next = (int)_rng.RandInt(0, 9);
        }

        ClassificationFunction = next;
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        double salary, commission, hvalue, loan;
        long age, elevel, car, zipcode, hyears;
        int label;
        while (true)
        {
            salary = 20000 + (130000 * _rng.NextDouble());
            commission = salary >= 75000 ? 0 : 10000 + (75000 * _rng.NextDouble());
            age = _rng.RandInt(20, 80);
            elevel = _rng.RandInt(0, 4);
            car = _rng.RandInt(1, 20);
            zipcode = _rng.RandInt(0, 8);
            hvalue = (8 - zipcode) * 100000 * (0.5 + _rng.NextDouble());
            hyears = _rng.RandInt(1, 30);
            loan = _rng.NextDouble() * 500000;
            label = Classify(ClassificationFunction, salary, commission, age, elevel, hvalue, hyears, loan);
            if (!BalanceClasses || (_nextClassShouldBeZero ? label == 0 : label == 1))
            {
                break;
            }
        }

        if (BalanceClasses)
        {
            _nextClassShouldBeZero = !_nextClassShouldBeZero;
        }

        double ageValue = age;
        double hyearsValue = hyears;
        if (Perturbation > 0.0)
        {
            salary = Perturb(salary, 20000, 150000, 130000);
            if (commission > 0)
            {
                commission = Perturb(commission, 10000, 75000, 65000);
            }

            ageValue = Math.Round(Perturb(age, 20, 80, 60));
            hvalue = Perturb(hvalue, (9 - zipcode) * 100000, 0, 135000);
            hyearsValue = Math.Round(Perturb(hyears, 1, 30, 29));
            loan = Perturb(loan, 0, 500000, 500000);
        }

        values[0] = salary;
        values[1] = commission;
        values[2] = ageValue;
        values[3] = elevel;
        values[4] = car;
        values[5] = zipcode;
        values[6] = hvalue;
        values[7] = hyearsValue;
        values[8] = loan;
        y = Label.FromInteger(label);
        return true;
    }

    private static int Classify(int function, double salary, double commission, long age, long elevel, double hvalue, long hyears, double loan) =>
        function switch
        {
            0 => Bit(age < 40 || age >= 60),
            1 => age < 40 ? Bit(salary is >= 50000 and <= 100000)
                : age < 60 ? Bit(salary is >= 75000 and <= 125000)
                : Bit(salary is >= 25000 and <= 75000),
            2 => age < 40 ? Bit(elevel is 0 or 1)
                : age < 60 ? Bit(elevel is 1 or 2 or 3)
                : Bit(elevel is 2 or 3 or 4),
            3 => Function3(salary, age, elevel),
            4 => Function4(salary, age, loan),
            5 => Function5(salary + commission, age),
            6 => Disposable((2 * (salary + commission) / 3) - (loan / 5) - 20000),
            7 => Disposable((2 * (salary + commission) / 3) - (5000 * elevel) - 20000),
            8 => Disposable((2 * (salary + commission) / 3) - (5000 * elevel) - (loan / 5) - 10000),
            _ => Disposable((2 * (salary + commission) / 3) - (5000 * elevel) + (Equity(hvalue, hyears) / 5) - 10000),
        };

    private static int Function3(double salary, long age, long elevel)
    {
        if (age < 40)
        {
            return elevel is 0 or 1 ? Bit(salary is >= 25000 and <= 75000) : Bit(salary is >= 50000 and <= 100000);
        }

        if (age < 60)
        {
            return elevel is 1 or 2 or 3 ? Bit(salary is >= 50000 and <= 100000) : Bit(salary is >= 75000 and <= 125000);
        }

        return elevel is 2 or 3 or 4 ? Bit(salary is >= 50000 and <= 100000) : Bit(salary is >= 25000 and <= 75000);
    }

    // River's function 4 compares salary (not loan) in three places; kept, since it defines River's stream.
    private static int Function4(double salary, long age, double loan)
    {
        if (age < 40)
        {
            return salary is >= 50000 and <= 100000 ? Bit(loan is >= 100000 and <= 300000) : Bit(salary is >= 200000 and <= 400000);
        }

        if (age < 60)
        {
            return salary is >= 75000 and <= 125000 ? Bit(salary >= 200000 && loan <= 400000) : Bit(salary is >= 300000 and <= 500000);
        }

        return salary is >= 25000 and <= 75000 ? Bit(loan is >= 300000 and <= 500000) : Bit(loan is >= 75000 and <= 300000);
    }

    private static int Function5(double totalSalary, long age) =>
        age < 40 ? Bit(totalSalary is >= 50000 and <= 100000)
        : age < 60 ? Bit(totalSalary is >= 75000 and <= 125000)
        : Bit(totalSalary is >= 25000 and <= 75000);

    private static double Equity(double hvalue, long hyears) => hyears >= 20 ? hvalue * (hyears - 20) / 10 : 0;

    private static int Disposable(double disposable) => disposable > 1 ? 0 : 1;

    private static int Bit(bool value) => value ? 1 : 0;

    private double Perturb(double value, double min, double max, double range)
    {
        value += range * (2 * (_rng.NextDouble() - 0.5)) * Perturbation;
        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }
}
