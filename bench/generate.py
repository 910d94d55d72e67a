"""Write a seeded, realistic corpus of tender documents for the benchmark.

Each tender is 5 to 120 pages of about 500 words with YAML front matter (Markdown) or a sidecar
`NAME.svrules.yaml` (docx, pdf), headings, paragraphs, bullet lists, a KPI schedule and a pricing table, and a
mix of clean and problematic social value clauses. The same structured tender is written as .md
always, and as .docx (python-docx) and .pdf (fpdf2) when those libraries are importable.

    python bench/generate.py --seed 7 --count 50 --min-pages 5 --max-pages 120 \
        --formats md,docx,pdf --out bench/out/corpus

The output depends only on the options: the same seed gives byte-identical Markdown.

`--shape dense` writes the other end of the range: Markdown tenders of about `--kb` KB in
which every paragraph is social value text (a KPI-style requirement with a number and
reporting, a "local business within N miles" requirement, a vague "endeavour" clause, a KPI
table row, a weighting sentence) or an ordinary contract clause, so that most paragraphs carry a
finding. Specification libraries and review folders of such drafts are where the checker is
slowest per byte, so the benchmark measures both shapes.

    python bench/generate.py --shape dense --seed 3 --count 20 --kb 80 --out bench/out/dense
"""
from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

WORDS_PER_PAGE = 500

AUTHORITIES = [
    ("Kent County Council", "sub_central", "the county"),
    ("London Borough of Camden", "sub_central", "the borough"),
    ("Leeds City Council", "sub_central", "the city"),
    ("Cornwall Council", "sub_central", "the county"),
    ("NHS Greater Manchester Integrated Care Board", "sub_central", "Greater Manchester"),
    ("Department for Education", "central_government", "England"),
    ("Ministry of Justice", "central_government", "England and Wales"),
    ("Bristol City Council", "sub_central", "the city"),
]
SUBJECTS = [
    ("Domiciliary care services", "services", "85310000-5"),
    ("Grounds maintenance services", "services", "77310000-6"),
    ("Facilities management", "services", "79993000-1"),
    ("Supported living services", "services", "85311000-2"),
    ("Supply of office furniture", "goods", "39130000-2"),
    ("Highways resurfacing works", "works", "45233141-9"),
    ("Managed print service", "services", "79800000-2"),
    ("Waste collection services", "services", "90511000-2"),
]
FILLER = [
    "The {who} shall deliver the services in accordance with this specification and the "
    "method statements submitted with its tender.",
    "All staff engaged on the contract must hold a current enhanced DBS check and receive "
    "induction training within their first four weeks.",
    "The {who} will attend monthly contract review meetings with the {auth} contract manager "
    "and provide a written performance report five working days beforehand.",
    "Service users must be treated with dignity and respect at all times, and their "
    "preferences recorded in an individual care and support plan.",
    "The {who} shall maintain a business continuity plan, test it annually and share the "
    "results with the {auth} on request.",
    "Invoices shall be submitted monthly in arrears and will be paid within thirty days of "
    "receipt of a valid, undisputed invoice.",
    "The {who} must comply with the UK General Data Protection Regulation and the Data "
    "Protection Act 2018 in the processing of any personal data.",
    "Any change to the scope of the services shall be agreed in writing through the change "
    "control procedure set out in Schedule 6.",
    "The {auth} reserves the right not to award a contract and will not reimburse any costs "
    "incurred by bidders in preparing their tenders.",
    "Vehicles used in the delivery of the contract should meet the Euro 6 emission standard "
    "or better, and mileage will be reported quarterly.",
    "Complaints shall be acknowledged within two working days and resolved within twenty "
    "working days, with lessons learned shared at the quarterly review.",
    "The {who} is responsible for the recruitment, training, supervision and retention of a "
    "workforce sufficient to meet the service levels in this specification.",
    "Health and safety incidents must be reported to the {auth} within twenty-four hours and "
    "investigated in line with the {who}'s own procedures.",
    "The {auth} will evaluate tenders on the basis of the most advantageous tender, using the "
    "quality, price and social value criteria and weightings published with this invitation.",
]
BAD_SV = [
    "The Contractor must be a local business based within 20 miles of the Council offices.",
    "Preference will be given to suppliers with a head office in the county.",
    "Bidders must demonstrate that 30% of their supply chain is based in the borough.",
    "Only locally based suppliers will be eligible to bid for this contract.",
    "Points will be awarded to bidders whose premises are within 10 miles of the Town Hall.",
]
GOOD_SV = [
    "The Contractor will create 3 apprenticeships for unemployed residents of the borough, "
    "reported quarterly.",
    "The successful contractor must work with named local agencies that make the links to the "
    "targeted community.",
    "The local authority will monitor performance against the social value KPIs quarterly.",
    "The Contractor will offer 40 hours of volunteering a year to community groups in the "
    "relevant area and report them in the annual social value statement.",
    "At least two work placements a year will be offered to care leavers, with outcomes "
    "reported to the contract manager.",
]
SV_CONSIDERED = (
    "Before starting this procurement the {auth} considered how it might improve the economic, "
    "social and environmental well-being of {area}, as section 1(3) of the Public Services "
    "(Social Value) Act 2012 requires.")
KPIS = [
    ("Visits delivered on time", "98%", "Monthly"),
    ("Complaints resolved within 20 days", "95%", "Quarterly"),
    ("Staff turnover", "below 20%", "Quarterly"),
    ("Apprenticeships created", "3 a year", "Quarterly"),
    ("Local residents employed", "25% of new starters", "Quarterly"),
    ("Carbon emissions from fleet", "10% reduction", "Annually"),
    ("Training hours per member of staff", "20 a year", "Annually"),
]


@dataclass
class Tender:
    """A tender as structure, rendered into each format."""

    name: str
    meta: dict
    blocks: list[tuple] = field(default_factory=list)   # ("h", level, text) | ("p", text)
    #                                               | ("li", text) | ("table", header, rows)


def _paragraph(rng: random.Random, who: str, auth: str, sentences: int) -> str:
    return " ".join(rng.choice(FILLER).format(who=who, auth=auth) for _ in range(sentences))


def make_tender(rng: random.Random, index: int, pages: int) -> Tender:
    auth, kind, area = rng.choice(AUTHORITIES)
    subject, nature, cpv = rng.choice(SUBJECTS)
    value = rng.choice([80_000, 250_000, 600_000, 1_200_000, 4_500_000, 12_000_000])
    considered = rng.random() < 0.5
    meta = {"title": f"{subject} ({index:04d})", "authority": auth, "authority_kind": kind,
            "nature": nature, "value": value, "vat": "exclusive", "cpv": cpv,
            "procurement_start": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    if rng.random() < 0.3:
        meta["social_value"] = {"considered": considered, "weighting_percent": rng.choice([10, 15, 20])}
    t = Tender(name=f"tender-{index:04d}", meta=meta)
    who, short = "Contractor", "Council" if "Council" in auth else "Authority"
    budget = pages * WORDS_PER_PAGE
    words = 0

    def add(block: tuple) -> None:
        nonlocal words
        t.blocks.append(block)
        words += sum(len(str(x).split()) for x in block[1:] if isinstance(x, str)) + sum(
            len(" ".join(r).split()) for x in block[1:] if isinstance(x, list) for r in x)

    add(("h", 1, f"{subject}: invitation to tender"))
    add(("p", f"{auth} invites tenders for {subject.lower()} across {area}. The estimated total "
              f"contract value is £{value:,} excluding VAT over a term of three years with an "
              f"option to extend for a further two years."))
    add(("h", 2, "Social value considerations"))
    if considered and rng.random() < 0.7:
        add(("p", SV_CONSIDERED.format(auth=auth, area=area)))
    add(("p", " ".join(rng.sample(GOOD_SV, 2))))
    if rng.random() < 0.4:
        add(("p", rng.choice(BAD_SV)))
    section = 0
    while words < budget:
        section += 1
        add(("h", 2, f"{section}. " + rng.choice(["Specification", "Service requirements",
                                                  "Contract management", "Staffing",
                                                  "Quality standards", "Evaluation"])))
        for _ in range(rng.randint(2, 5)):
            add(("p", _paragraph(rng, who, short, rng.randint(3, 7))))
        if rng.random() < 0.3:
            for _ in range(rng.randint(2, 4)):
                add(("li", rng.choice(FILLER).format(who=who, auth=short)))
        if rng.random() < 0.15:
            add(("h", 3, "Social value commitments"))
            add(("p", rng.choice(GOOD_SV + BAD_SV)))
        if rng.random() < 0.1:
            add(("h", 3, "Key performance indicators"))
            add(("table", ["KPI", "Target", "Reported"], [list(k) for k in rng.sample(KPIS, 4)]))
        if rng.random() < 0.05:
            add(("h", 3, "Pricing schedule"))
            add(("table", ["Item", "Year 1", "Year 2", "Year 3"],
                 [[f"Lot {n}", f"£{rng.randint(10, 900) * 1000:,}", f"£{rng.randint(10, 900) * 1000:,}",
                   f"£{rng.randint(10, 900) * 1000:,}"] for n in range(1, 4)]))
    return t


# ----------------------------------------------------------------------------- dense shape

DENSE_KPI = [
    "The {who} will create {n} apprenticeships for residents of {area} each contract year and "
    "report progress against this target to the {auth} quarterly.",
    "The {who} shall deliver {n} hours of careers support in local schools a year, reported "
    "in the monthly contract management report.",
    "At least {pct}% of new starters on the contract will be people who were long-term "
    "unemployed, and the {who} will report the numbers every quarter.",
    "The {who} must reduce carbon emissions from its fleet by {pct}% by the end of year two and "
    "report fuel use to the {auth} every six months.",
    "The {who} will offer {n} work placements a year to care leavers and report outcomes at "
    "each quarterly review meeting.",
    "The {who} shall spend at least {pct}% of the contract value with small businesses and "
    "voluntary organisations, evidenced in an annual social value report.",
]
DENSE_LOCAL = [
    "The {who} must be a local business based within {miles} miles of the {auth} offices.",
    "Only suppliers with premises within {miles} miles of {area} will be invited to tender.",
    "Bidders must demonstrate that {pct}% of their supply chain is located within {miles} miles "
    "of the Town Hall.",
    "Preference will be given to suppliers whose head office is within {miles} miles of the "
    "{auth}.",
]
DENSE_VAGUE = [
    "The {who} will endeavour to support the local community wherever possible.",
    "The {who} shall use reasonable endeavours to deliver social value through the contract.",
    "The {who} should endeavour to employ local people where practicable.",
    "The {who} will make every endeavour to work with community groups in {area}.",
]
DENSE_WEIGHTING = [
    "Social value will account for {w}% of the overall evaluation score.",
    "Tenders will be evaluated on quality ({q}%), price ({p}%) and social value ({w}%).",
    "The social value questions carry a weighting of {w}% of the total marks available.",
]
DENSE_KPI_ROWS = [
    ("Apprenticeships created", "{n} a year", "Quarterly"),
    ("Local residents employed", "{pct}% of new starters", "Quarterly"),
    ("Spend with local SMEs", "{pct}% of contract value", "Annually"),
    ("Volunteering hours", "{n} hours a year", "Quarterly"),
    ("Fleet carbon emissions", "{pct}% reduction", "Annually"),
]
DENSE_KINDS = ("kpi", "local", "vague", "row", "weighting", "ordinary")


def _fill(rng: random.Random, template: str, who: str, auth: str, area: str) -> str:
    w = rng.choice([5, 10, 15, 20])
    q = rng.choice([40, 50, 60])
    return template.format(who=who, auth=auth, area=area, n=rng.randint(2, 40),
                           pct=rng.choice([5, 10, 15, 20, 25, 30]),
                           miles=rng.choice([5, 10, 15, 20, 25, 30, 50]), w=w, q=q,
                           p=100 - q - w)


def make_dense_tender(rng: random.Random, index: int, size_bytes: int) -> Tender:
    """A tender of about `size_bytes` of Markdown in which every paragraph is one of
    DENSE_KINDS: nearly all social value text; its location and "endeavour" paragraphs are
    findings, its numbered and reported requirements are verifiable ones."""
    auth, kind, area = rng.choice(AUTHORITIES)
    subject, nature, cpv = rng.choice(SUBJECTS)
    value = rng.choice([250_000, 600_000, 1_200_000, 4_500_000, 12_000_000])
    meta = {"title": f"{subject} social value schedule ({index:04d})", "authority": auth,
            "authority_kind": kind, "nature": nature, "value": value, "vat": "exclusive",
            "cpv": cpv,
            "procurement_start": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    t = Tender(name=f"dense-{index:04d}", meta=meta)
    who, short = "Contractor", "Council" if "Council" in auth else "Authority"
    size = 0

    def add(block: tuple, length: int) -> None:
        nonlocal size
        t.blocks.append(block)
        size += length + 2

    add(("h", 1, f"{subject}: social value requirements"), len(subject) + 40)
    section = 0
    while size < size_bytes:
        section += 1
        heading = f"{section}. " + rng.choice(["Social value", "Community benefits",
                                               "Local employment", "Environment",
                                               "Key performance indicators", "Evaluation"])
        add(("h", 2, heading), len(heading) + 3)
        rows: list[list[str]] = []
        for _ in range(rng.randint(4, 9)):
            kind_ = rng.choice(DENSE_KINDS)
            if kind_ == "row":
                rows.append([_fill(rng, c, who, short, area) for c in rng.choice(DENSE_KPI_ROWS)])
                continue
            if rows:
                add(("table", ["KPI", "Target", "Reported"], rows),
                    sum(len(" | ".join(r)) + 4 for r in rows) + 40)
                rows = []
            if kind_ == "ordinary":
                text = _paragraph(rng, who, short, rng.randint(1, 3))
            else:
                pool = {"kpi": DENSE_KPI, "local": DENSE_LOCAL, "vague": DENSE_VAGUE,
                        "weighting": DENSE_WEIGHTING}[kind_]
                text = _fill(rng, rng.choice(pool), who, short, area)
            add(("p", text), len(text))
        if rows:
            add(("table", ["KPI", "Target", "Reported"], rows),
                sum(len(" | ".join(r)) + 4 for r in rows) + 40)
    return t


def generate_dense(out: Path, seed: int = 3, count: int = 20, kb: int = 80) -> list[Path]:
    """Write `count` dense Markdown tenders of about `kb` KB under out/md/; returns the paths."""
    rng = random.Random(seed)
    (out / "md").mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        t = make_dense_tender(random.Random(rng.getrandbits(64)), i, kb * 1000)
        path = out / "md" / f"{t.name}.md"
        path.write_text(to_markdown(t), encoding="utf-8")
        written.append(path)
    return written


# ----------------------------------------------------------------------------- writers

def _yaml_scalar(value) -> str:
    if isinstance(value, str) and (":" in value or value[:1].isdigit() or "(" in value):
        return '"' + value.replace('"', '\\"') + '"'
    return str(value)


def front_matter(meta: dict) -> str:
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {_yaml_scalar(v).lower() if isinstance(v, bool) else _yaml_scalar(v)}"
                      for k, v in value.items()]
        else:
            lines.append(f"{key}: {_yaml_scalar(value)}")
    return "\n".join(lines + ["---", ""])


def to_markdown(t: Tender) -> str:
    out = [front_matter(t.meta)]
    for block in t.blocks:
        if block[0] == "h":
            out.append("#" * block[1] + " " + block[2] + "\n")
        elif block[0] == "p":
            out.append(block[1] + "\n")
        elif block[0] == "li":
            out.append("- " + block[1])
        else:
            _, header, rows = block
            table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            table += ["| " + " | ".join(r) + " |" for r in rows]
            out.append("\n".join(table) + "\n")
    # bullets are written one per line; a blank line ends a list
    text, prev_li = [], False
    for chunk, block in zip(out[1:], t.blocks):
        if prev_li and block[0] != "li":
            text.append("")
        text.append(chunk)
        prev_li = block[0] == "li"
    return out[0] + "\n" + "\n".join(text) + "\n"


def write_docx(t: Tender, path: Path) -> None:
    import docx  # python-docx

    d = docx.Document()
    props = d.core_properties
    props.title = t.meta["title"]
    props.author = t.meta["authority"]
    for block in t.blocks:
        if block[0] == "h":
            d.add_heading(block[2], level=block[1])
        elif block[0] == "p":
            d.add_paragraph(block[1])
        elif block[0] == "li":
            d.add_paragraph(block[1], style="List Bullet")
        else:
            _, header, rows = block
            table = d.add_table(rows=1 + len(rows), cols=len(header))
            for r, row in enumerate([header] + rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    d.save(str(path))


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def write_pdf(t: Tender, path: Path) -> None:
    from fpdf import FPDF  # fpdf2

    pdf = FPDF(format="A4")
    pdf.set_title(t.meta["title"])
    pdf.set_author(t.meta["authority"])
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for block in t.blocks:
        if block[0] == "h":
            pdf.set_font("Helvetica", "B", {1: 16, 2: 13}.get(block[1], 11))
            pdf.multi_cell(0, 8, _latin1(block[2]), new_x="LMARGIN", new_y="NEXT")
        elif block[0] in ("p", "li"):
            pdf.set_font("Helvetica", "", 10)
            text = ("- " if block[0] == "li" else "") + block[1]
            pdf.multi_cell(0, 5, _latin1(text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        else:
            _, header, rows = block
            pdf.set_font("Helvetica", "", 9)
            width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(header)
            for row in [header] + rows:
                for cell in row:
                    pdf.cell(width, 6, _latin1(cell), border=1)
                pdf.ln(6)
            pdf.ln(2)
    pdf.output(str(path))


def available_formats() -> list[str]:
    formats = ["md"]
    for fmt, module in (("docx", "docx"), ("pdf", "fpdf")):
        try:
            __import__(module)
        except ImportError:
            continue
        formats.append(fmt)
    return formats


def generate(out: Path, seed: int = 1, count: int = 20, min_pages: int = 5, max_pages: int = 120,
             formats: tuple[str, ...] = ("md",), pages: int | None = None) -> dict[str, list[Path]]:
    """Write `count` tenders per format under out/<format>/; returns the paths per format."""
    rng = random.Random(seed)
    usable = [f for f in formats if f in available_formats()]
    written: dict[str, list[Path]] = {f: [] for f in usable}
    for f in usable:
        (out / f).mkdir(parents=True, exist_ok=True)
    for i in range(count):
        n_pages = pages if pages is not None else rng.randint(min_pages, max_pages)
        t = make_tender(random.Random(rng.getrandbits(64)), i, n_pages)
        for f in usable:
            path = out / f / f"{t.name}.{f}"
            if f == "md":
                path.write_text(to_markdown(t), encoding="utf-8")
            else:
                (write_docx if f == "docx" else write_pdf)(t, path)
                # the same metadata as the Markdown front matter, in a sidecar file
                sidecar = path.with_name(path.name + ".svrules.yaml")
                sidecar.write_text(front_matter(t.meta).strip("-\n") + "\n", encoding="utf-8")
            written[f].append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--min-pages", type=int, default=5)
    ap.add_argument("--max-pages", type=int, default=120)
    ap.add_argument("--pages", type=int, default=None, help="every tender exactly this long")
    ap.add_argument("--formats", default="md,docx,pdf",
                    help="comma-separated; formats whose library is missing are skipped")
    ap.add_argument("--out", type=Path, default=Path("bench/out/corpus"))
    ap.add_argument("--shape", choices=("mixed", "dense"), default="mixed",
                    help="mixed: realistic tenders; dense: every paragraph social value text")
    ap.add_argument("--kb", type=int, default=80, help="dense shape: size of each tender, KB")
    args = ap.parse_args(argv)
    if args.shape == "dense":
        paths = generate_dense(args.out, args.seed, args.count, args.kb)
        size = sum(p.stat().st_size for p in paths)
        print(f"md: {len(paths)} dense files, {size / 1e6:.1f} MB in {args.out / 'md'}")
        return 0
    wanted = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    skipped = [f for f in wanted if f not in available_formats()]
    if skipped:
        print(f"generate: skipping {', '.join(skipped)} (library not installed)", file=sys.stderr)
    written = generate(args.out, args.seed, args.count, args.min_pages, args.max_pages, wanted,
                       args.pages)
    for f, paths in written.items():
        size = sum(p.stat().st_size for p in paths)
        print(f"{f}: {len(paths)} files, {size / 1e6:.1f} MB in {args.out / f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
