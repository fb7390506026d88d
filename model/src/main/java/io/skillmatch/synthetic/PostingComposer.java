package io.skillmatch.synthetic;

import io.skillmatch.parsing.Importance;
import io.skillmatch.parsing.Seniority;
import io.skillmatch.synthetic.Archetype.Role;
import io.skillmatch.taxonomy.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Writes one posting: draws its level, title and requirements, then lays them out in one of a few
 * shapes (markdown, labelled sections, prose) with varied phrasing, recording each requirement at
 * its first mention. One instance per document; not thread-safe.
 */
final class PostingComposer {

  /** A skill as this document spells it. */
  private record Item(SkillBank.Entry entry, String form, boolean contextual) {
    String id() {
      return entry.id;
    }
  }

  /** Alternatives asked for together: "Django, FastAPI or Flask". */
  private record Group(List<Item> items, Importance importance, Integer years) {}

  private static final String[] RESPONSIBILITY_HEADINGS = {
    "What you'll do", "Responsibilities", "The role", "Your role", "What you will do"
  };
  private static final String[] REQUIREMENT_HEADINGS = {
    "Requirements", "What you'll bring", "What we're looking for", "Must have", "Qualifications", "About you",
    "Minimum qualifications"
  };
  private static final String[] PREFERENCE_HEADINGS = {
    "Nice to have", "Bonus points", "Preferred qualifications", "Nice-to-haves", "Extra credit"
  };
  private static final String[] BENEFIT_HEADINGS = {"Benefits", "What we offer", "Perks"};
  private static final String[] CUSTOMERS = {
    "independent pharmacies", "freight brokers", "credit unions", "regional hospitals", "property managers",
    "online shops", "school districts", "restaurant groups", "insurance carriers", "field service crews"
  };
  private static final String[] OUTCOMES = {
    "run their day-to-day work", "get paid faster", "understand their customers", "cut paperwork",
    "plan their stock", "serve their members online", "schedule their people"
  };
  private static final String[] LOCATIONS = {
    "Remote (US)", "Remote, US time zones", "New York, NY (hybrid)", "Austin, TX or remote", "Chicago, IL (hybrid)",
    "Remote within Europe", "Toronto, ON (hybrid)", "San Francisco, CA"
  };
  /** Sentences about the employer and the team; none names a skill or a number of years. */
  private static final String[] COMPANY_LINES = {
    "Our customers range from two-person offices to national chains.",
    "We care about calm, focused work and write things down before we build them.",
    "We ship to production many times a day and keep the on-call load light.",
    "Our product is used every day by tens of thousands of people.",
    "We are a distributed team spread across four time zones.",
    "We grew revenue threefold last year and are hiring across every team.",
    "We are backed by investors who have built companies like ours before."
  };
  private static final String[] TEAM_LINES = {
    "The team is six engineers, a product manager and a designer.",
    "You will report to the engineering manager and work with a staff engineer on the roadmap.",
    "We plan in two-week cycles and demo what we built every other Friday.",
    "Most of the team works remotely and meets in person twice a year.",
    "We pair often, review every change and keep our services boring in the best sense."
  };
  private static final String[] DUTIES = {
    "Review code and help shape our technical roadmap.",
    "Write down your plans and share them early.",
    "Break large projects into small, safe releases.",
    "Help teammates grow through pairing and thoughtful reviews.",
    "Measure what you ship and decide next steps from what you learn."
  };
  private static final String[] BENEFITS = {
    "Competitive salary and equity", "Health, dental and vision insurance", "A yearly learning budget",
    "Flexible hours", "Sixteen weeks of paid parental leave", "A home office stipend", "Four weeks of paid vacation",
    "A retirement plan with a company match", "A team offsite twice a year", "A new laptop of your choice"
  };

  private final SkillBank bank;
  private final RandomGenerator rng;
  private final Archetype archetype;
  private final StringBuilder sb = new StringBuilder(3000);
  private final Map<String, Item> items = new HashMap<>();
  private final Map<String, Importance> importance = new HashMap<>();
  private final Map<String, Integer> years = new HashMap<>();
  private final Map<String, String> groupOf = new HashMap<>();
  private final Map<String, IntendedRequirement> intended = new LinkedHashMap<>();
  private final List<Item> titled = new ArrayList<>();
  private int groupsWritten;
  private int headingStyle;
  private String bullet;

  PostingComposer(SkillBank bank, RandomGenerator rng, Archetype archetype) {
    this.bank = bank;
    this.rng = rng;
    this.archetype = archetype;
  }

  SyntheticPosting compose(long index) {
    Seniority level = level();
    int minYears = switch (level) {
      case INTERN, JUNIOR -> Words.between(rng, 1, 2);
      case MID -> Words.between(rng, 2, 4);
      case SENIOR -> Words.between(rng, 5, 8);
      case LEAD -> Words.between(rng, 7, 10);
      case PRINCIPAL -> Words.between(rng, 9, 10);
    };
    Role role = Words.one(rng, archetype.roles());
    List<Item> required = new ArrayList<>();
    List<Item> preferred = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    draw(role, required, preferred, groups, minYears);
    String title = title(level, role, required);
    String company = Words.one(rng, Words.COMPANIES);
    headingStyle = rng.nextInt(5);
    bullet = rng.nextInt(4) == 0 ? "\u2022 " : "- ";

    sb.append(rng.nextInt(3) == 0 ? "# " : "").append(title).append("\n\n");
    for (String id : role.names()) {
      mention(items.get(id)); // a title that names a technology asks for it
    }
    titled.forEach(this::mention);
    intro(company);
    if (rng.nextInt(5) < 3) {
      team();
    }
    if (rng.nextInt(4) == 0) {
      prose(minYears, required, preferred, groups);
    } else {
      bulleted(minYears, required, preferred, groups);
    }
    benefits(company);
    Seniority seniority = Seniority.fromTitle(title).orElse(Seniority.fromYears(minYears));
    return new SyntheticPosting(index, archetype.id(), title, sb.toString(), seniority, minYears,
        List.copyOf(intended.values()));
  }

  // ------------------------------------------------------------------ drawing the requirements

  private Seniority level() {
    double u = rng.nextDouble();
    return u < 0.10 ? Seniority.JUNIOR : u < 0.40 ? Seniority.MID : u < 0.78 ? Seniority.SENIOR
        : u < 0.94 ? Seniority.LEAD : Seniority.PRINCIPAL;
  }

  private void draw(Role role, List<Item> required, List<Item> preferred, List<Group> groups, int minYears) {
    for (String id : role.names()) {
      single(id, Importance.REQUIRED, required, preferred);
    }
    List<String> core = new ArrayList<>(archetype.core());
    Words.shuffle(core, rng);
    for (String id : core) {
      if (rng.nextDouble() < 0.9) {
        single(id, rng.nextDouble() < 0.95 ? Importance.REQUIRED : Importance.PREFERRED, required, preferred);
      }
    }
    for (int i = 0; required.size() < 2 && i < core.size(); i++) {
      Item it = items.get(core.get(i));
      if (it == null) {
        single(core.get(i), Importance.REQUIRED, required, preferred);
      } else if (preferred.remove(it)) {
        importance.put(it.id(), Importance.REQUIRED);
        required.add(it);
      }
    }
    for (List<String> g : archetype.anyOf()) {
      if (rng.nextDouble() >= 0.65) {
        continue;
      }
      List<String> members = new ArrayList<>(g);
      Words.shuffle(members, rng);
      int want = Math.min(members.size(), Words.between(rng, 2, 3));
      List<Item> picked = new ArrayList<>();
      for (String id : members) {
        if (picked.size() < want && !items.containsKey(id)) {
          picked.add(item(id));
        }
      }
      if (picked.size() < 2) {
        continue;
      }
      Importance imp = rng.nextDouble() < 0.75 ? Importance.REQUIRED : Importance.PREFERRED;
      Integer y = imp == Importance.REQUIRED && rng.nextDouble() < 0.2 ? skillYears(minYears) : null;
      for (Item it : picked) {
        items.put(it.id(), it);
        importance.put(it.id(), imp);
        if (y != null) {
          years.put(it.id(), y);
        }
      }
      groups.add(new Group(picked, imp, y));
    }
    SkillBank.Weighted companions = bank.companions(archetype);
    drawWeighted(companions, Words.between(rng, 0, 2), Importance.REQUIRED, required, preferred);
    drawWeighted(companions, Words.between(rng, 1, 3), Importance.PREFERRED, required, preferred);
    SkillBank.Weighted neighbours = bank.neighbours(archetype);
    for (int i = Words.between(rng, 1, 2); i > 0; i--) {
      drawWeighted(neighbours, 1, rng.nextDouble() < 0.8 ? Importance.PREFERRED : Importance.REQUIRED, required,
          preferred);
    }
    // a posting that requires Django requires Python
    for (Item it : List.copyOf(required)) {
      String language = it.entry().language;
      Item l = language == null ? null : items.get(language);
      if (language != null && l == null && !groupOf(groups, language)) {
        single(language, Importance.REQUIRED, required, preferred);
      } else if (l != null && preferred.remove(l)) {
        importance.put(language, Importance.REQUIRED);
        required.add(l);
      }
    }
    int withYears = 0;
    for (Item it : required) {
      if (withYears < 3 && it.entry().concrete && rng.nextDouble() < 0.35) {
        years.put(it.id(), skillYears(minYears));
        withYears++;
      }
    }
  }

  private static boolean groupOf(List<Group> groups, String id) {
    for (Group g : groups) {
      for (Item it : g.items()) {
        if (it.id().equals(id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Years asked of one skill: at most the overall years, a little less as often as not. */
  private int skillYears(int minYears) {
    return Math.max(1, minYears - Words.between(rng, 0, 2));
  }

  private void drawWeighted(SkillBank.Weighted pool, int count, Importance imp, List<Item> required,
      List<Item> preferred) {
    pool.draw(rng, count, items::containsKey, id -> single(id, imp, required, preferred));
  }


  private void single(String id, Importance imp, List<Item> required, List<Item> preferred) {
    if (items.containsKey(id)) {
      return;
    }
    Item it = item(id);
    items.put(id, it);
    importance.put(id, imp);
    (imp == Importance.REQUIRED ? required : preferred).add(it);
  }

  private Item item(String id) {
    SkillBank.Entry e = bank.get(id);
    int f = e.pick(rng);
    return new Item(e, e.forms[f], e.contextual[f]);
  }

  // ------------------------------------------------------------------ title and intro

  private String title(Seniority level, Role role, List<Item> required) {
    String prefix = switch (level) {
      case INTERN, JUNIOR -> Words.one(rng, new String[] {"Junior ", "Jr. ", "Associate "});
      case MID -> rng.nextInt(4) == 0 ? "Mid-level " : "";
      case SENIOR -> Words.one(rng, new String[] {"Senior ", "Senior ", "Sr. "});
      case LEAD -> Words.one(rng, new String[] {"Staff ", "Lead "});
      case PRINCIPAL -> "Principal ";
    };
    StringBuilder t = new StringBuilder(prefix).append(role.title());
    if (role.names().isEmpty() && !role.title().contains("(") && rng.nextDouble() < 0.2) {
      // "Senior Backend Engineer (Python, AWS)": technologies the posting requires anyway
      List<String> named = new ArrayList<>();
      for (Item it : required) {
        if (named.size() < 2 && !it.contextual() && it.entry().concrete && !years.containsKey(it.id())) {
          named.add(it.form());
          titled.add(it);
        }
      }
      if (!named.isEmpty()) {
        t.append(" (").append(String.join(", ", named)).append(')');
      }
    }
    return t.toString();
  }

  private void intro(String company) {
    String customers = Words.one(rng, CUSTOMERS);
    String outcome = Words.one(rng, OUTCOMES);
    int people = Words.between(rng, 3, 40) * 10;
    switch (rng.nextInt(3)) {
      case 0 -> sb.append(company).append(" builds software that helps ").append(customers).append(' ')
          .append(outcome).append(". We are ").append(people).append(" people, most of us remote.");
      case 1 -> sb.append("At ").append(company).append(", we help ").append(customers).append(' ')
          .append(outcome).append(". Our team of ").append(people).append(" ships small changes many times a day.");
      default -> sb.append(company).append(" is a ").append(Words.one(rng, new String[] {"Series B", "bootstrapped",
          "publicly listed", "profitable"})).append(" company that helps ").append(customers).append(' ')
          .append(outcome).append('.');
    }
    List<String> lines = new ArrayList<>(List.of(COMPANY_LINES));
    Words.shuffle(lines, rng);
    for (int i = rng.nextInt(3); i > 0; i--) {
      sb.append(' ').append(lines.get(i));
    }
    sb.append('\n');
    if (rng.nextBoolean()) {
      sb.append("Location: ").append(Words.one(rng, LOCATIONS)).append('\n');
    }
    sb.append('\n');
  }

  /** "About the team": a section a reader skips for skills. */
  private void team() {
    heading(Words.one(rng, new String[] {"About the team", "About us", "Who we are"}));
    List<String> lines = new ArrayList<>(List.of(TEAM_LINES));
    Words.shuffle(lines, rng);
    sb.append(lines.get(0)).append(' ').append(lines.get(1)).append("\n\n");
  }

  private void heading(String label) {
    switch (headingStyle) {
      case 0 -> sb.append("## ").append(label);
      case 1 -> sb.append(label).append(':');
      case 2 -> sb.append("**").append(label).append("**");
      case 3 -> sb.append(label);
      default -> sb.append(label.toUpperCase(Locale.ROOT));
    }
    sb.append('\n');
  }

  // ------------------------------------------------------------------ bulleted layout

  private void bulleted(int minYears, List<Item> required, List<Item> preferred, List<Group> groups) {
    heading(Words.one(rng, RESPONSIBILITY_HEADINGS));
    responsibilities(required);
    sb.append('\n');
    heading(Words.one(rng, REQUIREMENT_HEADINGS));
    sb.append(bullet);
    overallYears(minYears);
    sb.append('\n');
    List<Item> plain = new ArrayList<>();
    for (Item it : required) {
      if (years.containsKey(it.id())) {
        sb.append(bullet);
        yearsLine(it);
        sb.append('\n');
      } else {
        plain.add(it);
      }
    }
    List<Group> preferredGroups = new ArrayList<>();
    for (Group g : groups) {
      if (g.importance() == Importance.REQUIRED) {
        sb.append(bullet);
        requiredGroup(g);
        sb.append('\n');
      } else {
        preferredGroups.add(g);
      }
    }
    for (List<Item> chunk : chunks(plain)) {
      sb.append(bullet);
      requiredLine(chunk);
      sb.append('\n');
    }
    // some nice-to-haves stay inside the requirements, marked by a cue ("... is a plus")
    List<Item> rest = new ArrayList<>(preferred);
    if (!rest.isEmpty() && rng.nextDouble() < 0.35) {
      List<Item> inline = new ArrayList<>(rest.subList(0, Math.min(rest.size(), Words.between(rng, 1, 3))));
      rest.removeAll(inline);
      sb.append(bullet);
      inlinePreferred(inline);
      sb.append('\n');
    }
    if (!rest.isEmpty() || !preferredGroups.isEmpty()) {
      sb.append('\n');
      heading(Words.one(rng, PREFERENCE_HEADINGS));
      for (Group g : preferredGroups) {
        sb.append(bullet).append(rng.nextBoolean() ? "Experience with " : "Familiarity with ");
        alternatives(g, rng.nextBoolean() ? "or" : "and/or");
        sb.append('\n');
      }
      for (List<Item> chunk : chunks(rest)) {
        sb.append(bullet);
        preferredLine(chunk);
        sb.append('\n');
      }
    }
    sb.append('\n');
  }

  private void responsibilities(List<Item> required) {
    List<Item> pool = new ArrayList<>(required);
    Words.shuffle(pool, rng);
    int bullets = Words.between(rng, 3, 6);
    List<String> work = new ArrayList<>(archetype.work());
    Words.shuffle(work, rng);
    int next = 0;
    for (int b = 0; b < bullets; b++) {
      String w = work.get(b % work.size());
      int take = next < pool.size() && rng.nextDouble() < 0.7 ? Math.min(pool.size() - next, Words.between(rng, 1, 2)) : 0;
      List<Item> skills = pool.subList(next, next + take);
      next += take;
      sb.append(bullet);
      if (skills.isEmpty()) {
        switch (rng.nextInt(4)) {
          case 0 -> sb.append("Improve the reliability and performance of ").append(w).append('.');
          case 1 -> sb.append("Work closely with product managers and designers to ship ").append(w).append('.');
          case 2 -> sb.append(Words.one(rng, DUTIES));
          default -> sb.append("Take part in a light on-call rotation for ").append(w).append('.');
        }
      } else {
        boolean languages = skills.stream().allMatch(i -> i.entry().category == Category.LANGUAGE);
        boolean infrastructure = skills.stream().allMatch(
            i -> i.entry().category == Category.CLOUD || i.entry().category == Category.PLATFORM);
        int shape = rng.nextInt(4);
        if (shape == 1 && !infrastructure || shape == 2 && !languages) {
          shape = rng.nextBoolean() ? 0 : 3;
        }
        switch (shape) {
          case 0 -> {
            sb.append("Design, build and operate ").append(w).append(" with ");
            list(skills, "and", false);
            sb.append('.');
          }
          case 1 -> {
            sb.append("Own ").append(w).append(" from design to production, running on ");
            list(skills, "and", false);
            sb.append('.');
          }
          case 2 -> {
            sb.append("Write well-tested code for ").append(w).append(" in ");
            list(skills, "and", false);
            sb.append('.');
          }
          default -> {
            sb.append("Improve the performance of ").append(w).append(", built with ");
            list(skills, "and", false);
            sb.append('.');
          }
        }
      }
      sb.append('\n');
    }
  }

  private void overallYears(int y) {
    switch (rng.nextInt(4)) {
      case 0 -> sb.append(y).append("+ years of professional experience building software");
      case 1 -> sb.append("At least ").append(Words.number(y)).append(y == 1 ? " year" : " years")
          .append(" of industry experience");
      case 2 -> sb.append(y).append("+ years of experience in a similar role");
      default -> sb.append("A minimum of ").append(y).append(y == 1 ? " year" : " years").append(" of professional experience");
    }
  }

  private void yearsLine(Item it) {
    int y = years.get(it.id());
    int shape = rng.nextInt(it.contextual() ? 3 : 5);
    switch (shape) {
      case 0 -> {
        sb.append(y).append("+ years of experience with ");
        mentionText(it);
      }
      case 1 -> {
        sb.append("At least ").append(Words.number(y)).append(y == 1 ? " year" : " years")
            .append(" of hands-on experience with ");
        mentionText(it);
      }
      case 2 -> {
        sb.append("Minimum ").append(y).append(y == 1 ? " year" : " years").append(" working with ");
        mentionText(it);
      }
      case 3 -> {
        mentionText(it);
        sb.append(" (").append(y).append("+ years)");
      }
      default -> {
        sb.append(y).append("+ years of professional ");
        mentionText(it);
        sb.append(" experience");
      }
    }
  }

  private void requiredGroup(Group g) {
    if (g.years() != null) {
      sb.append(g.years()).append("+ years of experience with ");
      alternatives(g, "or");
      return;
    }
    boolean frameworks = g.items().stream().allMatch(i -> i.entry().category == Category.FRAMEWORK);
    switch (rng.nextInt(frameworks ? 5 : 4)) {
      case 0 -> sb.append("Experience with ");
      case 1 -> sb.append("Experience with one of ");
      case 2 -> sb.append("Production experience with ");
      case 3 -> sb.append("Experience with any of ");
      default -> sb.append("Experience with a framework such as ");
    }
    alternatives(g, "or");
  }

  private void requiredLine(List<Item> chunk) {
    boolean safe = chunk.stream().anyMatch(i -> !i.contextual());
    switch (rng.nextInt(safe ? 8 : 5)) {
      case 0 -> sb.append("Experience with ");
      case 1 -> sb.append("Strong experience with ");
      case 2 -> sb.append("Solid knowledge of ");
      case 3 -> sb.append("Proficiency in ");
      case 4 -> sb.append("Expertise in ");
      case 5 -> sb.append("Deep understanding of ");
      case 6 -> sb.append("Working knowledge of ");
      default -> sb.append("Hands-on experience running ");
    }
    list(chunk, "and", false);
  }

  /**
   * A nice-to-have inside the requirements, marked by its cue. Two of the shapes are ones
   * recruiters write that a reader can misjudge: an Oxford comma before "and" ("A, B, and C is a
   * plus") and "Bonus if you have worked with A".
   */
  private void inlinePreferred(List<Item> chunk) {
    int shape = rng.nextInt(8);
    switch (shape) {
      case 0, 1, 2 -> {
        sb.append("Experience with ");
        list(chunk, "and", rng.nextInt(5) < 2);
        sb.append(" is a plus");
      }
      case 3, 4 -> {
        sb.append("Familiarity with ");
        list(chunk, "and", false);
        sb.append(" is nice to have");
      }
      case 5, 6 -> {
        sb.append("Knowledge of ");
        list(chunk, "and", false);
        sb.append(" is an advantage");
      }
      default -> {
        sb.append("Bonus if you have worked with ");
        list(chunk, "and", false);
      }
    }
  }

  private void preferredLine(List<Item> chunk) {
    switch (rng.nextInt(5)) {
      case 0 -> sb.append("Experience with ");
      case 1 -> sb.append("Familiarity with ");
      case 2 -> sb.append("Exposure to ");
      case 3 -> sb.append("Knowledge of ");
      default -> sb.append("Any experience with ");
    }
    list(chunk, "and", rng.nextBoolean());
  }

  // ------------------------------------------------------------------ prose layout

  private void prose(int minYears, List<Item> required, List<Item> preferred, List<Group> groups) {
    heading(Words.one(rng, new String[] {"The role", "Your role", "What you'll do"}));
    List<String> work = new ArrayList<>(archetype.work());
    Words.shuffle(work, rng);
    sb.append("You will join a small team that owns ").append(work.get(0)).append(" and ").append(work.get(1))
        .append(". You will ship often, talk to customers and help shape our technical roadmap.\n\n");
    heading(Words.one(rng, new String[] {"About you", "What you'll bring", "Who you are", "What we're looking for"}));
    sb.append("You have ").append(minYears).append(minYears == 1 ? "+ year" : "+ years")
        .append(" of professional experience building software. ");
    List<Item> plain = new ArrayList<>();
    for (Item it : required) {
      if (years.containsKey(it.id())) {
        sb.append("You have ").append(years.get(it.id())).append("+ years of experience with ");
        mentionText(it);
        sb.append(". ");
      } else {
        plain.add(it);
      }
    }
    for (List<Item> chunk : chunks(plain)) {
      boolean safe = chunk.stream().anyMatch(i -> !i.contextual());
      if (safe && rng.nextBoolean()) {
        sb.append("You know ");
        list(chunk, "and", false);
        sb.append(" well. ");
      } else {
        sb.append("You have built production systems with ");
        list(chunk, "and", false);
        sb.append(". ");
      }
    }
    List<Group> preferredGroups = new ArrayList<>();
    for (Group g : groups) {
      if (g.importance() != Importance.REQUIRED) {
        preferredGroups.add(g);
      } else if (g.years() != null) {
        sb.append("You have ").append(g.years()).append("+ years of experience with ");
        alternatives(g, "or");
        sb.append(". ");
      } else {
        sb.append("You have worked with ");
        alternatives(g, "or");
        sb.append(". ");
      }
    }
    sb.setLength(sb.length() - 1);
    sb.append('\n');
    if (!preferred.isEmpty() || !preferredGroups.isEmpty()) {
      for (Group g : preferredGroups) {
        sb.append("Experience with ");
        alternatives(g, "or");
        sb.append(" is a plus. ");
      }
      List<List<Item>> chunks = chunks(preferred);
      boolean label = rng.nextBoolean() && preferredGroups.isEmpty();
      if (label) {
        // "Nice to have: A, B and C." on its own line turns the rest of the section preferred
        if (sb.charAt(sb.length() - 1) == ' ') {
          sb.setLength(sb.length() - 1);
          sb.append('\n');
        }
        sb.append(Words.one(rng, new String[] {"Nice to have: ", "Bonus: ", "Preferred: "}));
        list(preferred, "and", false);
        sb.append(".\n");
      } else {
        for (List<Item> chunk : chunks) {
          switch (rng.nextInt(3)) {
            case 0 -> {
              sb.append("Experience with ");
              list(chunk, "and", false);
              sb.append(" is a plus. ");
            }
            case 1 -> {
              sb.append("Familiarity with ");
              list(chunk, "and", false);
              sb.append(" would be great. ");
            }
            default -> {
              sb.append("Knowledge of ");
              list(chunk, "and", false);
              sb.append(" is an advantage. ");
            }
          }
        }
        sb.setLength(sb.length() - 1);
        sb.append('\n');
      }
    }
    sb.append('\n');
  }

  // ------------------------------------------------------------------ benefits

  private void benefits(String company) {
    heading(Words.one(rng, BENEFIT_HEADINGS));
    List<String> perks = new ArrayList<>(List.of(BENEFITS));
    Words.shuffle(perks, rng);
    for (int i = Words.between(rng, 3, 6); i > 0; i--) {
      sb.append(bullet).append(perks.get(i)).append('\n');
    }
    if (rng.nextBoolean()) {
      int low = Words.between(rng, 9, 20) * 10;
      sb.append("\nThe base salary range for this role is $").append(low).append(",000 to $")
          .append(low + Words.between(rng, 2, 6) * 10).append(",000, plus equity.\n");
    }
    if (rng.nextBoolean()) {
      sb.append('\n');
      heading("How to apply");
      sb.append("Send us your resume and a few lines about a project you are proud of. Our process is a short call,"
          + " a paired exercise and a conversation with the team.\n");
    }
    sb.append('\n').append(company).append(" is an equal opportunity employer and welcomes applicants of every background.\n");
  }

  // ------------------------------------------------------------------ mentions

  /** Splits skills into bullets of one to three, in order. */
  private List<List<Item>> chunks(List<Item> skills) {
    List<List<Item>> out = new ArrayList<>();
    int i = 0;
    while (i < skills.size()) {
      int n = Math.min(skills.size() - i, Words.between(rng, 1, 3));
      out.add(skills.subList(i, i + n));
      i += n;
    }
    return out;
  }

  private void list(List<Item> skills, String conjunction, boolean oxford) {
    List<String> forms = new ArrayList<>(skills.size());
    for (Item it : skills) {
      forms.add(it.form());
      mention(it);
    }
    Words.list(sb, forms, conjunction, oxford);
  }

  /** Writes a group of alternatives, numbering the group at its first mention. */
  private void alternatives(Group g, String conjunction) {
    String id = "g" + (++groupsWritten);
    for (Item it : g.items()) {
      groupOf.put(it.id(), id);
    }
    list(g.items(), conjunction, conjunction.equals("or") && rng.nextInt(4) == 0);
  }

  private void mentionText(Item it) {
    sb.append(it.form());
    mention(it);
  }

  private void mention(Item it) {
    if (!intended.containsKey(it.id())) {
      intended.put(it.id(), new IntendedRequirement(it.id(), it.form(), importance.get(it.id()), years.get(it.id()),
          groupOf.get(it.id())));
    }
  }
}
