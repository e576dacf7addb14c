#!/usr/bin/env python3
"""Writes a synthetic national-scale content folder (issue 7, item 1): 534 manuscripts on the real cadence and
N fictional municipal editions with their inserts, all valid.

Cadence (DOMAIN.md): maternity daily from 4w0d to 41w6d (266 days); childcare daily to day 100, every 3 days to
the 1st birthday (101 to 365), weekly in the 2nd year (372 to 729), every 2 weeks in the 3rd year (743 to 1093),
and day 1096 (268 days): 534 in all.

Texts are built from sentences written for this corpus: general, conservative, in です・ます, each one already
clean under the style rules. Each manuscript has three sections of 4 to 7 sentences (about 550 to 900
characters, like the real service's messages); which sentences a day gets is a pure function of the day, so a
rerun writes the same bytes. Municipalities are fictional and numbered (架空市0001…), links are example.jp and
phone numbers start with 000. Manuscripts are written as drafts; `scripts/bench.py` approves them with
`kizuna approve` so the corpus looks like a released one.

usage: scripts/make-national-corpus.py OUT_DIR --editions N [--email-every K]
"""
import argparse, os, shutil, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

# Sentences by stage and section. None contains a である form, more than 3 読点 or 100 characters.
MATERNITY_EARLY_BABY = [
    "おなかの赤ちゃんは、まだとても小さく、急速に成長しています。",
    "心臓や脳など、からだの大切な部分のもとがつくられている時期です。",
    "赤ちゃんを包む羊水が少しずつ増えていきます。",
    "胎盤のもとになる組織が育ち、赤ちゃんに栄養を届ける準備が進みます。",
    "手や足になる部分が少しずつ形になってきます。",
    "赤ちゃんは羊水の中で、小さく動きはじめています。",
]
MATERNITY_MID_BABY = [
    "赤ちゃんの耳のつくりができてきて、外の音を感じるといわれます。",
    "骨や筋肉が育ち、手足をよく動かすようになります。",
    "髪の毛やまゆ毛が生えはじめる頃です。",
    "赤ちゃんは羊水を飲んだり出したりして、呼吸の練習をしています。",
    "胎動を感じる人が増えてくる時期です。",
    "皮下脂肪が少しずつつき、ふっくらとしてきます。",
    "起きている時間と眠っている時間のリズムができてきます。",
]
MATERNITY_LATE_BABY = [
    "赤ちゃんは、おなかの外に出る準備を少しずつ進めています。",
    "肺のはたらきが育ち、生まれてから呼吸をする準備が整ってきます。",
    "体重が増え、子宮の中がだんだん窮屈になってきます。",
    "頭を下に向ける赤ちゃんが多くなる時期です。",
    "まばたきをしたり、指をしゃぶったりする様子も見られるといわれます。",
    "生まれてからの体温を保つために、脂肪をたくわえています。",
]
MATERNITY_BODY = [
    "つわりの時期や程度には、個人差があります。",
    "食べられるものを、食べられるときに少しずつとりましょう。",
    "眠気やだるさを感じるときは、無理をせずに休みましょう。",
    "おなかの張りや痛みが続くときは、早めにかかりつけの医療機関に相談しましょう。",
    "出血したときは、少量でも医療機関へ連絡してください。",
    "体重の増え方は、健診のときに確認してもらいましょう。",
    "腰やせなかに負担がかかりやすい時期です。",
    "足がむくむときは、足を少し高くして休むと楽になることがあります。",
    "便秘になりやすいので、水分と食物繊維を意識してとりましょう。",
    "立ちくらみを感じたら、ゆっくり座って休みましょう。",
    "妊婦健診は、決められた時期に受けることが大切です。",
    "気分が落ち込む日があるのは、めずらしいことではありません。",
]
CHILD_NEWBORN_BABY = [
    "赤ちゃんは、一日の多くの時間を眠って過ごします。",
    "授乳の間隔は、赤ちゃんによってさまざまです。",
    "うんちの色や回数は、赤ちゃんの体調を知る手がかりになります。",
    "手足をばたばたと動かして、まわりの世界を感じています。",
    "明るさや声のする方へ、顔を向けることがあります。",
    "おへそが乾くまでは、清潔にしておきましょう。",
    "泣くことは、赤ちゃんが気持ちを伝える大切な方法です。",
    "体重は、少しずつ増えていきます。",
]
CHILD_INFANT_BABY = [
    "首がすわると、たて抱きが安定してきます。",
    "声を出して笑うことが増えてくる頃です。",
    "寝返りをしようとする様子が見られるかもしれません。",
    "手に持ったものを口に運んで、形や感触を確かめています。",
    "人見知りがはじまる赤ちゃんもいます。",
    "おすわりが安定すると、両手で遊べるようになります。",
    "はいはいで、行きたいところへ向かうようになります。",
    "発達の早さには、一人ひとり差があります。",
    "離乳食は、赤ちゃんの様子を見ながら進めましょう。",
]
CHILD_TODDLER_BABY = [
    "歩くことがじょうずになり、行動範囲が広がってきます。",
    "ことばの数が少しずつ増えていきます。",
    "自分でやりたい気持ちが強くなる時期です。",
    "まねっこ遊びが好きになる子が多いようです。",
    "食べられるものが増え、家族と同じ食事に近づいていきます。",
    "思いどおりにならないと、泣いて怒ることもあります。",
    "ほかの子どもに興味を持ち、近くで遊ぶようになります。",
    "手先を使った遊びが、少しずつじょうずになります。",
]
CHILD_PARENT_BODY = [
    "産後のからだは、時間をかけて回復していきます。",
    "赤ちゃんが眠っているときは、一緒に休みましょう。",
    "眠れない日が続くときは、家族や身近な人に手伝ってもらいましょう。",
    "悪露の量が急に増えたときや熱が出たときは、医療機関に相談してください。",
    "沈んだ気分の日が続くときは、ひとりで抱えずに相談してください。",
    "食事は、手軽なものでかまいません。",
    "家事は、できる範囲で十分です。",
    "肩や腰がつらいときは、抱っこの姿勢を見直してみましょう。",
    "自分の時間を少しでもつくることも、大切な子育ての一部です。",
    "困ったときは、保健センターの窓口でも相談できます。",
]
MESSAGE = [
    "{nickname}さんのペースで、一日一日を過ごしていきましょう。",
    "がんばりすぎず、頼れる人には遠慮なく頼ってください。",
    "パートナーや家族も、できることから一緒に取り組みましょう。",
    "不安なことは、書き出しておくと健診のときに相談しやすくなります。",
    "うまくいかない日があっても、大丈夫です。",
    "同じ時期の親同士で話すと、気持ちが軽くなることがあります。",
    "地域の子育て支援の窓口も、気軽に利用してください。",
    "小さな変化に気づけるのは、そばにいる家族です。",
    "毎日の声かけが、赤ちゃんの安心につながります。",
    "今日も一日、おつかれさまです。",
]
TITLES = ["今日のようす", "からだの変化", "ゆっくりで大丈夫", "小さな成長", "家族で過ごす時間", "毎日の積み重ね",
          "話しかけてみましょう", "休むことも大切", "気になることは相談を", "ひとつずつ"]


def maternity_days():
    return [f"{w}w{d}d" for w in range(4, 42) for d in range(7)]


def childcare_days():
    days = list(range(1, 101))
    days += list(range(101, 366, 3))
    days += list(range(372, 731, 7))
    days += list(range(743, 1096, 14))
    days.append(1096)
    return days


def pick(pool, seed, count):
    """`count` distinct sentences of `pool`, chosen and ordered by `seed` alone."""
    n = len(pool)
    step = (seed % (n - 1)) + 1
    while _gcd(step, n) != 1:
        step += 1
    return [pool[(seed * 7 + i * step) % n] for i in range(min(count, n))]


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def block(sentences):
    return "".join(f"      {s}\n" for s in sentences)


def manuscript(series, key, seed, stage_pool, body_heading, body_pool, supervisor):
    n1, n2, n3 = 4 + seed % 3, 4 + (seed // 3) % 4, 3 + (seed // 5) % 3
    title = TITLES[seed % len(TITLES)]
    return (
        f"series: {series}\n"
        f"day: {key if series == 'maternity' else int(key)}\n"
        f"title: {title}\n"
        "sections:\n"
        f"  - heading: {'おなかの赤ちゃん' if series == 'maternity' else '赤ちゃんのようす'}\n"
        "    text: |\n" + block(pick(stage_pool, seed, n1)) +
        f"  - heading: {body_heading}\n"
        "    text: |\n" + block(pick(body_pool, seed + 3, n2)) +
        "  - heading: ご家族へ\n"
        "    text: |\n" + block(pick(MESSAGE, seed + 5, n3)) +
        f"supervisors: [{supervisor}]\n"
        "review: draft\n"
        "sources:\n"
        "  - title: 一般向け資料（架空）\n"
        "    url: https://example.jp/sources/general\n"
    )


INSERTS = [  # (suffix, title, window kind, from, to, text, contact, path)
    ("boshi-techo", "母子健康手帳の交付", "weeks", 6, 9,
     ["妊娠がわかったら、役場で妊娠の届出をしてください。", "母子健康手帳と妊婦健診の受診票をお渡しします。"], "hoken", "ninshin/techo"),
    ("parents-class", "両親学級", "weeks", 20, 23,
     ["出産や赤ちゃんのお世話について、助産師がお話しします。", "パパの参加も歓迎します。"], "hoken", "ninshin/gakkyu"),
    ("birth-registration", "出生届と手続き", "weeks", 36, 39,
     ["出生届は、生まれた日を含めて14日以内に提出してください。", "児童手当などの手続きも、あわせてご確認ください。"], "shien", "tetsuzuki/shussei"),
    ("postpartum-care", "産後ケア", "days", 3, 21,
     ["助産師による休養やお世話の相談を受けられます。", "利用には事前の申請が必要です。"], "shien", "sango/care"),
    ("newborn-visit", "赤ちゃん訪問", "days", 14, 28,
     ["保健師などが、ご家庭を訪問します。", "育児の不安や体調のことを気軽にご相談ください。"], "hoken", "kosodate/homon"),
    ("1month-checkup", "1か月児健診", "days", 25, 35,
     ["出産した医療機関などで健診を受けましょう。", "母子健康手帳を忘れずにお持ちください。"], "hoken", "kenshin/1month"),
    ("vaccination-start", "予防接種のはじまり", "months", 2, 2,
     ["生後2か月から、予防接種がはじまります。", "かかりつけの医療機関で、接種の予定を相談しましょう。"], "hoken", "kenko/yobosesshu"),
    ("4month-checkup", "4か月児健診", "months", 3, 4,
     ["保健センターで健診を行います。", "対象の方には、はがきでお知らせします。"], "hoken", "kenshin/4month"),
    ("weaning-class", "離乳食教室", "months", 5, 6,
     ["離乳食の進め方を、栄養士がお伝えします。", "申し込みはリンク先のページからどうぞ。"], "hoken", "kosodate/rinyushoku"),
    ("1year-vaccination", "1歳の予防接種", "months", 12, 13,
     ["1歳になったら受ける予防接種があります。", "母子健康手帳で接種の記録を確認しましょう。"], "hoken", "kenko/yobosesshu-1sai"),
    ("18month-checkup", "1歳6か月児健診", "months", 18, 19,
     ["保健センターで健診を行います。", "日ごろの様子で気になることも、ご相談ください。"], "hoken", "kenshin/18month"),
    ("3year-checkup", "3歳児健診", "months", 35, 35,
     ["3歳児健診のご案内を、近くなったらお送りします。", "視力や聴力の確認もあります。"], "hoken", "kenshin/3year"),
]


# The national checkups and vaccinations each insert announces (content/reference/national-schedule.yaml, which the
# corpus copies): `kizuna coverage` counts them.
COVERS = {
    "1month-checkup": ["checkup-1month"],
    "vaccination-start": ["vaccine-5in1", "vaccine-pcv", "vaccine-hepb", "vaccine-rota"],
    "4month-checkup": ["checkup-3to4month"],
    "1year-vaccination": ["vaccine-mr1", "vaccine-varicella"],
    "18month-checkup": ["checkup-18month"],
    "3year-checkup": ["checkup-3year"],
}


def edition(i, email):
    eid = f"muni-{i:04d}"
    town = f"架空市{i:04d}"
    phone = f"000-{i // 100 % 1000:03d}-{i % 100:02d}"
    return eid, town, (
        f"id: {eid}\n"
        f"name: きずなメール{town}版\n"
        f"municipality: {town}\n"
        "series: [maternity, childcare]\n"
        f"channels: [{'email, line' if email else 'line'}]\n"
        "contacts:\n"
        "  - id: shien\n"
        f"    name: {town} 子育て支援課\n"
        f"    phone: {phone}01\n"
        "    hours: 平日 8:30〜17:00\n"
        "  - id: hoken\n"
        f"    name: {town} 保健センター\n"
        f"    phone: {phone}02\n"
        "    hours: 平日 8:30〜17:00\n"
        "  - id: soudan-24h\n"
        f"    name: {town} 子育て・妊娠24時間電話相談\n"
        f"    phone: {phone}24\n"
        "    hours: 24時間・年中無休\n"
        f"unsubscribe_url: https://example.jp/{eid}/kizuna/settings\n"
        "survey:\n"
        f"  url: https://example.jp/{eid}/survey\n"
        "  days: [maternity/28w0d, childcare/182]\n"
        "inserts:\n" + "".join(f"  - {eid}-{s[0]}\n" for s in INSERTS) +
        f"disclaimer: ※赤ちゃんとママの状態はあくまで一般的なものであり、個人差があります。"
        f"気になることがあるときは、かかりつけの医師または{town}保健センターにご相談ください。\n"
    )


def insert(eid, spec):
    suffix, title, kind, lo, hi, text, contact, path = spec
    return (
        f"id: {eid}-{suffix}\n"
        f"title: {title}\n"
        "text: |\n" + "".join(f"  {s}\n" for s in text) +
        "  詳しくはリンク先のページをご覧ください。\n"
        "window:\n"
        f"  {kind}: {{from: {lo}, to: {hi}}}\n"
        f"link: https://example.jp/{eid}/{path}\n"
        f"contact: {contact}\n"
        + (f"covers: [{', '.join(COVERS[suffix])}]\n" if suffix in COVERS else "")
    )


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--editions", type=int, required=True)
    parser.add_argument("--email-every", type=int, default=0, help="every K-th edition also has e-mail (0: none)")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    for name in ["kizuna.yaml", "reviewers.yaml", "terms.yaml", "style.yaml", "reference/national-schedule.yaml"]:
        src = os.path.join(ROOT, "content", name)
        if os.path.exists(src):
            text = open(src, encoding="utf-8").read()
            if name == "kizuna.yaml":
                # scripts/bench.py approves the corpus without keys: signatures are not required here.
                text = text.replace("require_signatures: true", "require_signatures: false")
            write(os.path.join(out, name), text)

    for n, key in enumerate(maternity_days()):
        week = int(key.split("w")[0])
        stage = MATERNITY_EARLY_BABY if week < 16 else MATERNITY_MID_BABY if week < 28 else MATERNITY_LATE_BABY
        write(os.path.join(out, "manuscripts", "maternity", f"{key}.yaml"),
              manuscript("maternity", key, n, stage, "ママのからだ", MATERNITY_BODY,
                         "obstetrician-a" if n % 2 else "obstetrician-b"))
    for n, day in enumerate(childcare_days()):
        stage = CHILD_NEWBORN_BABY if day <= 60 else CHILD_INFANT_BABY if day <= 365 else CHILD_TODDLER_BABY
        write(os.path.join(out, "manuscripts", "childcare", f"{day:04d}.yaml"),
              manuscript("childcare", f"{day}", n + 1000, stage, "ママのからだと気持ち", CHILD_PARENT_BODY,
                         "pediatrician-a" if n % 2 else "pediatrician-b"))

    for i in range(1, args.editions + 1):
        email = args.email_every > 0 and i % args.email_every == 0
        eid, _, text = edition(i, email)
        write(os.path.join(out, "editions", f"{eid}.yaml"), text)
        for spec in INSERTS:
            write(os.path.join(out, "inserts", f"{eid}-{spec[0]}.yaml"), insert(eid, spec))
    print(f"corpus: {len(maternity_days()) + len(childcare_days())} manuscripts, {args.editions} editions, "
          f"{args.editions * len(INSERTS)} inserts in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
