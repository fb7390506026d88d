package io.skillmatch.synthetic;

import io.skillmatch.parsing.Seniority;
import io.skillmatch.synthetic.Archetype.Role;
import io.skillmatch.taxonomy.Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes one resume without a name or contact details: a headline, a summary, a skills section,
 * one to four dated jobs whose bullets name the skills used there, and education. The years a
 * skill is intended to have are the union of the jobs that name it, measured the way a date range
 * reads: a month-year start is the first of that month, a month-year end the last day of it, a
 * year alone mid-year, "Present" today. One instance per document; not thread-safe.
 */
final class ProfileComposer {

  /** A skill as this resume spells it. */
  private record Item(SkillBank.Entry entry, String form, boolean contextual) {
    String id() {
      return entry.id;
    }
  }

  /** A job: its title, its months (indexes y * 12 + m - 1, inclusive) and what it used. */
  private static final class Job {
    Role role;
    String title;
    String company;
    int first;
    int last;
    boolean present;
    double start;
    double end;
    final Set<Item> skills = new LinkedHashSet<>();
  }

  private static final String[] DEGREES = {
    "B.Sc. in Computer Science", "BS, Computer Science", "B.Eng. in Electrical Engineering", "BA in Mathematics",
    "M.Sc. in Computer Science", "BS in Physics", "B.Sc. in Information Systems"
  };
  private static final String[] SCHOOLS = {
    "State University", "University of Lisbon", "Technical University of Munich", "University of Toronto",
    "Ohio State University", "University of Texas at Austin", "National University of Singapore",
    "University of Manchester"
  };
  private static final String[] SUMMARY_LINES = {
    "Comfortable owning work from the first sketch to the production rollout.",
    "Known for clear writing and careful reviews.",
    "Looking for a team that ships often and measures what it ships.",
    "Happiest when working closely with product and design."
  };
  /** Bullets that name no skill. */
  private static final String[] DUTIES = {
    "Cut the time to onboard a new customer from days to hours.",
    "Took part in the on-call rotation for the team's services.",
    "Worked with product and support to set the roadmap each quarter.",
    "Wrote proposals and ran reviews for changes across several teams.",
    "Interviewed candidates every week and helped rewrite the hiring rubric.",
    "Paired with new hires during their first month."
  };
  private static final String[] PRESENT = {"Present", "Present", "present", "Now", "Current"};
  private static final int YEAR_ONLY = 4;

  private final SkillBank bank;
  private final RandomGenerator rng;
  private final Archetype archetype;
  private final LocalDate today;
  private final StringBuilder sb = new StringBuilder(3000);
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, String> firstSurface = new LinkedHashMap<>();
  private String bullet;
  private int dateStyle;
  private String present;

  ProfileComposer(SkillBank bank, RandomGenerator rng, Archetype archetype, LocalDate today) {
    this.bank = bank;
    this.rng = rng;
    this.archetype = archetype;
    this.today = today;
  }

  SyntheticProfile compose(long index) {
    List<Role> roles = new ArrayList<>();
    for (Role r : archetype.roles()) {
      // a resume reader takes a title up to its first comma or bracket: such titles stay in postings
      if (r.title().indexOf(',') < 0 && r.title().indexOf('(') < 0) {
        roles.add(r);
      }
    }
    List<Job> jobs = career(roles);
    bullet = rng.nextInt(4) == 0 ? "\u2022 " : "- ";
    dateStyle = rng.nextInt(25) == 0 ? YEAR_ONLY : rng.nextInt(4);
    present = Words.one(rng, PRESENT);
    if (dateStyle == YEAR_ONLY) {
      // "2019 – 2021" states no month: each year reads as mid-year
      for (Job j : jobs) {
        j.start = (j.first / 12) * 12 + 6;
        j.end = j.present ? j.end : (j.last / 12) * 12 + 6;
      }
    }
    List<Item> skills = drawSkills();
    assign(jobs, skills);
    List<Item> weak = new ArrayList<>();
    Item listedOnly = extras(weak);
    Integer statedListedYears = listedOnly != null && rng.nextBoolean() ? Words.between(rng, 1, 3) : null;
    if (listedOnly != null) {
      skills.add(listedOnly);
    }

    double[] careerInterval = new double[jobs.size() * 2];
    for (int i = 0; i < jobs.size(); i++) {
      careerInterval[2 * i] = jobs.get(i).start;
      careerInterval[2 * i + 1] = jobs.get(i).end;
    }
    double totalYears = round1(unionMonths(careerInterval, jobs.size()) / 12.0);
    Job latest = jobs.getFirst();
    Seniority seniority = Seniority.fromTitle(latest.title).orElse(Seniority.fromYears(totalYears));

    // years each skill has from the jobs that name it
    Map<String, Double> years = new HashMap<>();
    Map<String, List<Job>> jobsOf = new LinkedHashMap<>();
    for (Job j : jobs) {
      for (Item it : j.skills) {
        jobsOf.computeIfAbsent(it.id(), k -> new ArrayList<>()).add(j);
      }
    }
    jobsOf.forEach((id, js) -> {
      double[] iv = new double[js.size() * 2];
      for (int i = 0; i < js.size(); i++) {
        iv[2 * i] = js.get(i).start;
        iv[2 * i + 1] = js.get(i).end;
      }
      years.put(id, unionMonths(iv, js.size()) / 12.0);
    });

    sb.append(latest.title).append('\n');
    summary(totalYears);
    skillsSection(skills, listedOnly, statedListedYears, weak, years);
    sb.append('\n').append(Words.one(rng, new String[] {"Experience", "EXPERIENCE", "Work Experience",
        "Professional Experience", "## Experience", "Employment History"})).append('\n');
    int headerStyle = rng.nextInt(5);
    for (Job j : jobs) {
      job(j, headerStyle);
    }
    education(jobs.getLast().first / 12);

    List<IntendedSkill> intended = new ArrayList<>();
    for (Map.Entry<String, String> e : firstSurface.entrySet()) {
      String id = e.getKey();
      boolean isWeak = weak.stream().anyMatch(w -> w.id().equals(id));
      Double y = years.containsKey(id) ? Double.valueOf(round1(years.get(id)))
          : listedOnly != null && listedOnly.id().equals(id) && statedListedYears != null
              ? statedListedYears.doubleValue() : null;
      intended.add(new IntendedSkill(id, e.getValue(), isWeak ? null : y, isWeak));
    }
    return new SyntheticProfile(index, archetype.id(), latest.title, sb.toString(), totalYears, seniority, intended);
  }

  // ------------------------------------------------------------------ career

  private List<Job> career(List<Role> roles) {
    double u = rng.nextDouble();
    int months = u < 0.15 ? Words.between(rng, 6, 23) : u < 0.50 ? Words.between(rng, 24, 59)
        : u < 0.85 ? Words.between(rng, 60, 119) : Words.between(rng, 108, 192);
    int n = months < 24 ? (rng.nextInt(10) < 7 ? 1 : 2) : Words.between(rng, 2, Math.max(2, Math.min(4, 1 + months / 30)));
    n = Math.max(1, Math.min(n, months / 6));
    int[] durations = new int[n];
    double[] shares = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      shares[i] = 0.3 + rng.nextDouble();
      total += shares[i];
    }
    int left = months - 6 * n;
    int given = 0;
    for (int i = 0; i < n; i++) {
      durations[i] = 6 + (int) Math.floor(left * shares[i] / total);
      given += durations[i];
    }
    durations[0] += months - given;
    int now = today.getYear() * 12 + today.getMonthValue() - 1;
    double nowFraction = now + (double) today.getDayOfMonth() / today.lengthOfMonth();
    List<Job> jobs = new ArrayList<>();
    Role main = Words.one(rng, roles);
    int last = rng.nextInt(100) < 85 ? now : now - Words.between(rng, 1, 6);
    for (int i = 0; i < n; i++) {
      Job j = new Job();
      j.present = i == 0 && last == now;
      j.last = last;
      j.first = last - durations[i] + 1;
      j.role = i == 0 || rng.nextInt(10) < 6 ? main : Words.one(rng, roles);
      j.company = Words.one(rng, Words.COMPANIES);
      jobs.add(j);
      last = j.first - 1 - (rng.nextInt(100) < 65 ? 0 : Words.between(rng, 1, 5));
    }
    int careerStart = jobs.getLast().first;
    for (Job j : jobs) {
      double experience = ((j.first + j.last) / 2.0 - careerStart) / 12.0; // the level reached mid-job
      String prefix;
      if (experience < 1.5) {
        prefix = rng.nextBoolean() ? "Junior " : "";
      } else if (experience < 4.5) {
        prefix = "";
      } else if (experience < 8) {
        prefix = rng.nextInt(5) == 0 ? "Sr. " : "Senior ";
      } else if (experience < 11) {
        prefix = Words.one(rng, new String[] {"Staff ", "Lead ", "Senior "});
      } else {
        prefix = Words.one(rng, new String[] {"Staff ", "Principal "});
      }
      j.title = prefix + j.role.title();
    }
    // the interval each job's dates will be read as; the date style is drawn before any text
    for (Job j : jobs) {
      j.start = j.first;
      j.end = j.present ? nowFraction : j.last + 1;
    }
    return jobs;
  }

  // ------------------------------------------------------------------ skills

  private List<Item> drawSkills() {
    List<Item> out = new ArrayList<>();
    for (String id : archetype.core()) {
      if (rng.nextDouble() < 0.85) {
        add(id, out);
      }
    }
    if (out.isEmpty()) {
      add(archetype.core().getFirst(), out);
    }
    for (List<String> g : archetype.anyOf()) {
      if (rng.nextDouble() < 0.75) {
        List<String> members = new ArrayList<>(g);
        Words.shuffle(members, rng);
        add(members.get(0), out);
        if (rng.nextInt(5) == 0) {
          add(members.get(1), out);
        }
      }
    }
    weighted(bank.companions(archetype), Words.between(rng, 2, 5), out);
    weighted(bank.neighbours(archetype), Words.between(rng, 0, 2), out);
    // using Django means writing Python: a framework brings the language it is written in
    for (int i = 0; i < out.size(); i++) {
      String language = out.get(i).entry().language;
      if (language != null) {
        add(language, out);
      }
    }
    return out;
  }

  private void weighted(SkillBank.Weighted pool, int count, List<Item> out) {
    pool.draw(rng, count, items::containsKey, id -> add(id, out));
  }


  private Item add(String id, List<Item> out) {
    Item it = items.get(id);
    if (it == null) {
      SkillBank.Entry e = bank.get(id);
      int f = e.pick(rng);
      it = new Item(e, e.forms[f], e.contextual[f]);
      items.put(id, it);
      if (out != null) {
        out.add(it);
      }
    }
    return it;
  }

  /**
   * Skills beyond the dated ones: sometimes one listed without any job (a skill claimed, not
   * shown), sometimes one or two the person is only familiar with. Neither brings a language.
   */
  private Item extras(List<Item> weak) {
    Item listed = null;
    SkillBank.Weighted companions = bank.companions(archetype);
    if (rng.nextDouble() < 0.4) {
      listed = drawExtra(companions);
    }
    if (rng.nextDouble() < 0.3) {
      for (int i = Words.between(rng, 1, 2); i > 0; i--) {
        Item w = drawExtra(rng.nextBoolean() ? companions : bank.neighbours(archetype));
        if (w != null) {
          weak.add(w);
        }
      }
    }
    return listed;
  }

  private Item drawExtra(SkillBank.Weighted pool) {
    boolean[] taken = new boolean[pool.entries().length];
    for (int i = 0; i < taken.length; i++) {
      SkillBank.Entry e = pool.entries()[i];
      taken[i] = items.containsKey(e.id) || e.language != null;
    }
    int k = Words.weighted(rng, pool.weights(), taken);
    return k < 0 ? null : add(pool.entries()[k].id, null);
  }

  /** Which jobs used which skills: recent jobs more of them; every dated skill in one job at least. */
  private void assign(List<Job> jobs, List<Item> skills) {
    Set<String> core = Set.copyOf(archetype.core());
    for (Item it : skills) {
      boolean any = false;
      for (int k = 0; k < jobs.size(); k++) {
        double p = k == 0 ? (core.contains(it.id()) ? 0.9 : 0.7) : (core.contains(it.id()) ? 0.55 : 0.35);
        if (rng.nextDouble() < p) {
          jobs.get(k).skills.add(it);
          any = true;
        }
      }
      if (!any) {
        jobs.get(rng.nextInt(jobs.size())).skills.add(it);
      }
    }
    for (Job j : jobs) {
      // a title credits what it names ("Java Developer") and, to a resume reader, the discipline
      // it states ("Backend Engineer": back-end development) for the job's span
      for (String id : j.role.names()) {
        j.skills.add(add(id, null));
      }
      for (String id : j.role.disciplines()) {
        j.skills.add(add(id, null));
      }
      for (Item it : List.copyOf(j.skills)) {
        if (it.entry().language != null) {
          j.skills.add(add(it.entry().language, null));
        }
      }
    }
  }

  // ------------------------------------------------------------------ text

  private void summary(double totalYears) {
    if (rng.nextInt(10) < 3) {
      return;
    }
    List<String> work = new ArrayList<>(archetype.work());
    Words.shuffle(work, rng);
    int whole = (int) Math.floor(totalYears);
    sb.append("Engineer with ");
    if (whole >= 1) {
      sb.append(whole).append(whole == 1 ? " year" : " years").append(" of experience");
    } else {
      sb.append("a first year of experience");
    }
    sb.append(" working on ").append(work.get(0)).append(" and ").append(work.get(1)).append('.');
    if (rng.nextBoolean()) {
      sb.append(' ').append(Words.one(rng, SUMMARY_LINES));
    }
    sb.append('\n');
  }

  private void skillsSection(List<Item> skills, Item listedOnly, Integer statedListedYears, List<Item> weak,
      Map<String, Double> years) {
    sb.append('\n');
    List<String> shown = new ArrayList<>();
    for (Item it : skills) {
      StringBuilder s = new StringBuilder(it.form());
      Double y = years.get(it.id());
      if (it == listedOnly && statedListedYears != null) {
        s.append(" (").append(statedListedYears).append(statedListedYears == 1 ? " year)" : " years)");
      } else if (y != null && y >= 2 && rng.nextInt(4) == 0) {
        int whole = (int) Math.floor(y);
        s.append(" (").append(whole).append(rng.nextBoolean() ? "+ years)" : " years)");
      }
      shown.add(s.toString());
      firstSurface.putIfAbsent(it.id(), it.form());
    }
    if (rng.nextBoolean()) {
      sb.append(Words.one(rng, new String[] {"Skills: ", "Core skills: ", "Technical skills: "}));
      Words.list(sb, shown, "and", false);
      sb.append('\n');
    } else {
      sb.append(Words.one(rng, new String[] {"Technical Skills", "TECHNICAL SKILLS", "Skills"})).append('\n');
      Map<String, List<String>> lines = new LinkedHashMap<>();
      for (String label : new String[] {"Languages", "Frameworks", "Databases", "Cloud", "Tools", "Key skills"}) {
        lines.put(label, new ArrayList<>());
      }
      for (int i = 0; i < skills.size(); i++) {
        lines.get(label(skills.get(i).entry().category)).add(shown.get(i));
      }
      lines.forEach((label, forms) -> {
        if (!forms.isEmpty()) {
          sb.append(label).append(": ").append(String.join(", ", forms)).append('\n');
        }
      });
    }
    if (!weak.isEmpty()) {
      sb.append(Words.one(rng, new String[] {"Familiar with: ", "Exposure to: "}));
      List<String> forms = new ArrayList<>();
      for (Item w : weak) {
        forms.add(w.form());
        firstSurface.putIfAbsent(w.id(), w.form());
      }
      Words.list(sb, forms, "and", false);
      sb.append('\n');
    }
  }

  private static String label(Category c) {
    return switch (c) {
      case LANGUAGE -> "Languages";
      case FRAMEWORK, LIBRARY -> "Frameworks";
      case DATABASE -> "Databases";
      case CLOUD -> "Cloud";
      case TOOL, PLATFORM -> "Tools";
      default -> "Key skills";
    };
  }

  private void job(Job j, int headerStyle) {
    sb.append('\n');
    String dates = dates(j);
    switch (headerStyle) {
      case 0 -> sb.append(j.title).append(", ").append(j.company).append(" \u2014 ").append(dates).append('\n');
      case 1 -> sb.append(j.title).append(" | ").append(j.company).append(" | ").append(dates).append('\n');
      case 2 -> sb.append(j.title).append(" at ").append(j.company).append('\n').append(dates).append('\n');
      case 3 -> sb.append(j.company).append(" \u2014 ").append(j.title).append('\n').append(dates).append('\n');
      default -> sb.append(j.title).append('\n').append(j.company).append(", ").append(dates).append('\n');
    }
    for (String id : j.role.names()) {
      firstSurface.putIfAbsent(id, j.title);
    }
    for (String id : j.role.disciplines()) {
      firstSurface.putIfAbsent(id, j.title);
    }
    List<Item> named = new ArrayList<>();
    for (Item it : j.skills) {
      if (!j.role.names().contains(it.id()) && !j.role.disciplines().contains(it.id())) {
        named.add(it);
      }
    }
    Words.shuffle(named, rng);
    List<String> work = new ArrayList<>(archetype.work());
    Words.shuffle(work, rng);
    int bullets = Math.max(1, Math.min(5, (named.size() + 1) / 2));
    int per = (named.size() + bullets - 1) / Math.max(1, bullets);
    int at = 0;
    for (int b = 0; b < bullets && at < named.size(); b++) {
      int take = Math.min(named.size() - at, Math.max(1, per + (rng.nextInt(3) - 1)));
      if (b == bullets - 1) {
        take = named.size() - at;
      }
      jobBullet(named.subList(at, at + take), work.get(b % work.size()));
      at += take;
    }
    int duties = named.isEmpty() ? 1 + rng.nextInt(2) : rng.nextInt(3);
    List<String> lines = new ArrayList<>(List.of(DUTIES));
    Words.shuffle(lines, rng);
    for (int i = 0; i < duties; i++) {
      sb.append(bullet);
      if (i == 0 && rng.nextInt(3) == 0) {
        sb.append("Mentored ").append(Words.number(Words.between(rng, 2, 5)))
            .append(" junior engineers and ran the team's interview loop.");
      } else {
        sb.append(lines.get(i));
      }
      sb.append('\n');
    }
  }

  private void jobBullet(List<Item> skills, String work) {
    boolean safe = skills.stream().anyMatch(i -> !i.contextual());
    List<String> forms = new ArrayList<>(skills.size());
    for (Item it : skills) {
      forms.add(it.form());
      firstSurface.putIfAbsent(it.id(), it.form());
    }
    boolean languages = all(skills, Category.LANGUAGE, Category.FRAMEWORK, Category.LIBRARY);
    boolean infrastructure = all(skills, Category.CLOUD, Category.PLATFORM);
    boolean practices = skills.stream().anyMatch(i -> i.entry().category == Category.PRACTICE);
    int[] shapes = new int[7];
    int n = 0;
    shapes[n++] = 0;
    shapes[n++] = 1;
    if (languages) {
      shapes[n++] = 2;
      shapes[n++] = 4;
    }
    if (infrastructure) {
      shapes[n++] = 3;
    }
    if (safe && !practices) {
      shapes[n++] = 5;
      shapes[n++] = 6;
    }
    sb.append(bullet);
    switch (shapes[rng.nextInt(n)]) {
      case 0 -> {
        sb.append("Built and operated ").append(work).append(" with ");
        Words.list(sb, forms, "and", false);
        sb.append('.');
      }
      case 1 -> {
        sb.append("Designed and shipped ").append(work).append(" using ");
        Words.list(sb, forms, "and", rng.nextBoolean());
        sb.append('.');
      }
      case 2 -> {
        sb.append("Rewrote ").append(work).append(" in ");
        Words.list(sb, forms, "and", false);
        sb.append(", cutting p99 latency by ").append(Words.between(rng, 2, 9) * 10).append("%.");
      }
      case 3 -> {
        sb.append("Maintained ").append(work).append(" running on ");
        Words.list(sb, forms, "and", false);
        sb.append('.');
      }
      case 4 -> {
        sb.append("Wrote ");
        Words.list(sb, forms, "and", false);
        sb.append(" code for ").append(work).append('.');
      }
      case 5 -> {
        sb.append("Led the migration of ").append(work).append(" to ");
        Words.list(sb, forms, "and", false);
        sb.append(", reducing infrastructure costs by ").append(Words.between(rng, 1, 4) * 10).append("%.");
      }
      default -> {
        sb.append("Introduced ");
        Words.list(sb, forms, "and", false);
        sb.append(" to the team and wrote the guides that went with it.");
      }
    }
    sb.append('\n');
  }

  /** Whether every skill is of one of the categories. */
  private static boolean all(List<Item> skills, Category... categories) {
    for (Item it : skills) {
      if (!Arrays.asList(categories).contains(it.entry().category)) {
        return false;
      }
    }
    return true;
  }

  private String dates(Job j) {
    StringBuilder d = new StringBuilder(32);
    int sy = j.first / 12;
    int sm = j.first % 12;
    int ey = j.last / 12;
    int em = j.last % 12;
    String dash = rng.nextInt(3) == 0 ? " - " : " \u2013 ";
    switch (dateStyle) {
      case 0 -> d.append(Words.MONTHS[sm]).append(' ').append(sy).append(dash)
          .append(j.present ? present : Words.MONTHS[em] + " " + ey);
      case 1 -> d.append(Words.MONTH_NAMES[sm]).append(' ').append(sy).append(dash)
          .append(j.present ? present : Words.MONTH_NAMES[em] + " " + ey);
      case 2 -> d.append(twoDigits(sm + 1)).append('/').append(sy).append(dash)
          .append(j.present ? present : twoDigits(em + 1) + "/" + ey);
      case 3 -> d.append(Words.MONTHS[sm]).append(' ').append(sy).append(" to ")
          .append(j.present ? present.toLowerCase(Locale.ROOT) : Words.MONTHS[em] + " " + ey);
      default -> d.append(sy).append(dash).append(j.present ? present : Integer.toString(ey));
    }
    return d.toString();
  }

  private void education(int careerStartYear) {
    sb.append('\n').append(rng.nextBoolean() ? "Education" : "EDUCATION").append('\n');
    int graduated = careerStartYear - Words.between(rng, 0, 1);
    String degree = Words.one(rng, DEGREES);
    String school = Words.one(rng, SCHOOLS);
    if (rng.nextBoolean()) {
      sb.append(degree).append(", ").append(school).append(", ").append(graduated - 4).append(" \u2013 ")
          .append(graduated).append('\n');
    } else {
      sb.append(degree).append(" \u2014 ").append(school).append(" (").append(graduated).append(")\n");
    }
  }

  // ------------------------------------------------------------------ arithmetic

  private static String twoDigits(int m) {
    return m < 10 ? "0" + m : Integer.toString(m);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Total length of a union of n intervals given as [start0, end0, start1, end1, ...]. */
  static double unionMonths(double[] iv, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(iv[2 * a], iv[2 * b]));
    double total = 0;
    double s = Double.NaN;
    double e = Double.NaN;
    for (int k : order) {
      double a = iv[2 * k];
      double b = iv[2 * k + 1];
      if (Double.isNaN(s) || a > e) {
        if (!Double.isNaN(s)) {
          total += e - s;
        }
        s = a;
        e = b;
      } else {
        e = Math.max(e, b);
      }
    }
    return Double.isNaN(s) ? 0 : total + (e - s);
  }
}
