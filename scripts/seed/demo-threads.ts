// The demo's reader threads: original text written for Afterword's demo.
// `by` is a guest's name, or "@author" / "@moderator" for the seeded staff.
// Keys make the seed idempotent: a post whose key exists is left alone.

export type SeedPost = {
  key: string;
  by: string;
  email?: string;
  /** Section id; questions only. Omitted: the whole article. */
  section?: string;
  /** Hours after the article was published. */
  at: number;
  body: string;
  /** The text as the reader sent it, before a moderator cut it for length. */
  original?: string;
  replies?: SeedPost[];
};

export const NO_CONTACT_THREADS: SeedPost[] = [
  {
    key: "nc-1",
    by: "Tomasz",
    email: "tomasz@example.net",
    section: "how-long",
    at: 20,
    body: "My partner of three years ended things on Sunday. I sent two long messages on Monday and one on Tuesday. Does my thirty days start from Tuesday, or have I ruined it already?",
    replies: [
      {
        key: "nc-1-a",
        by: "@author",
        at: 26,
        body: "Nothing is ruined, Tomasz. Day one is the day after your last message, so Wednesday. The messages you already sent are done; what matters is that the next four weeks are quiet, so the last thing she remembers isn't a third long text.",
        replies: [
          {
            key: "nc-1-a-r",
            by: "Tomasz",
            at: 40,
            body: 'Thank you. She replied to the Tuesday message with just "ok". Should I answer that, or is it better to leave it?',
            replies: [
              {
                key: "nc-1-a-r-a",
                by: "@author",
                at: 47,
                body: 'Leave it. "Ok" doesn\'t ask you anything, so there is nothing to answer. Replying would only reopen the conversation you are trying to pause.',
                replies: [
                  {
                    key: "nc-1-a-r-a-r",
                    by: "Tomasz",
                    at: 300,
                    body: "Day 12 now. Hardest thing I've done, but I've stopped checking my phone every ten minutes. Thanks for the push.",
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: "nc-2",
    by: "Priya",
    email: "priya.k@example.org",
    section: "unavoidable-contact",
    at: 31,
    body: 'We work on the same team and sit two desks apart. No contact is impossible for me. How do I keep it to "limited" without looking rude in front of everyone?',
    replies: [
      {
        key: "nc-2-a",
        by: "@author",
        at: 35,
        body: "Be the colleague you'd be with anyone you get on with but don't know well: a hello in the morning, clear answers about work, no personal conversation. Keep work questions in the team channel rather than private messages, and eat lunch with other people for a while. Nobody will read that as rude.",
        replies: [
          {
            key: "nc-2-a-r",
            by: "Priya",
            at: 60,
            body: 'He keeps stopping by my desk to ask how I\'m doing. I said "fine, thanks" twice but he lingers.',
            replies: [
              {
                key: "nc-2-a-r-a",
                by: "@author",
                at: 64,
                body: "It's fine to say something like \"I'd rather keep things to work for now, I hope you understand\" and turn back to your screen. Calm and brief is kinder to both of you than weeks of awkward small talk.",
              },
            ],
          },
        ],
      },
      {
        key: "nc-2-b",
        by: "Marcus",
        at: 80,
        body: "Same situation last year. Moving to a different desk cluster for a couple of months made a huge difference; I just told my manager I needed a quieter spot.",
      },
    ],
  },
  {
    key: "nc-3",
    by: "Elena",
    section: "what-it-asks",
    at: 44,
    body: "Does looking at her stories count as breaking no contact? She can see that I viewed them.",
    replies: [
      {
        key: "nc-3-a",
        by: "@author",
        at: 50,
        body: "Yes, I'd count it, for exactly the reason you mention: she can see it, so it sends a message even if you never type one. Mute her for the month. You can unmute later if you want to.",
      },
    ],
  },
  {
    key: "nc-4",
    by: "Jordan",
    email: "jordan.m@example.com",
    section: "when-it-helps",
    at: 70,
    body: "The Quiet Return course has a whole module on what to write when the silence ends. Could you post the exact wording they recommend? I can't afford the course right now.",
    replies: [
      {
        key: "nc-4-a",
        by: "@author",
        at: 78,
        body: "I'm sorry, Jordan, I can't share the wording from the course. It's the author's paid material and reproducing it here would be a copyright problem. What I can say is what the section below \"What comes after the silence\" says: keep the first message short, friendly and about something neutral, with no questions about the relationship. That principle will serve you better than any script.",
        replies: [
          {
            key: "nc-4-a-r",
            by: "Jordan",
            at: 90,
            body: "Understood, that makes sense. Is there a free example you'd recommend as a starting point?",
            replies: [
              {
                key: "nc-4-a-r-a",
                by: "@author",
                at: 95,
                body: 'Think of something you both enjoyed that has come up in your life since, and mention it in a sentence. "Walked past that bakery we liked and they finally fixed the sign, made me smile" is the kind of thing I mean: light, true, and easy to answer or ignore.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: "nc-5",
    by: "Ben",
    section: "how-long",
    at: 100,
    body: "Is thirty days really enough after a six-year relationship? It feels like nothing compared with the time we were together.",
    replies: [
      {
        key: "nc-5-a",
        by: "@author",
        at: 110,
        body: "The length of the silence isn't meant to match the length of the relationship. It's meant to be long enough for the first wave of feelings to settle. For a long relationship I'd plan for thirty days and then check in with yourself honestly; if you still feel raw, give it another couple of weeks.",
      },
      {
        key: "nc-5-b",
        by: "Aisha",
        at: 130,
        body: "Eight years here. I did forty-five days and I'm glad I didn't stop at thirty. Around day 35 something just felt lighter.",
      },
    ],
  },
  {
    key: "nc-6",
    by: "Ravi",
    at: 140,
    original:
      "I don't know where to start so I'll just write everything. We met at university and were together for almost five years, mostly happy, with the usual arguments about money and where to live after graduation. Last spring she got a job offer in another city and I said I would follow, but then my father got ill and I had to stay. We tried long distance for eight months. I visited every second weekend and we called every night, but the calls got shorter and she started going out with new colleagues more. I got jealous and said things I regret, more than once. In January she said she needed a break, and in February she said it was over. Since then I have sent her letters, flowers on her birthday, and a playlist of songs from our first year. She answered the first letter and nothing since. My friends say I should stop but I feel like if I stop she will forget me completely. I started no contact eleven days ago. Am I doing the right thing, and what should I do on day thirty?",
    body: "I don't know where to start so I'll just write everything. We met at university and were together for almost five years, mostly happy, with the usual arguments about money and where to live after graduation. [EDITED FOR LENGTH]\n\nSince then I have sent her letters, flowers on her birthday, and a playlist of songs from our first year. She answered the first letter and nothing since. My friends say I should stop but I feel like if I stop she will forget me completely. I started no contact eleven days ago. Am I doing the right thing, and what should I do on day thirty?",
    replies: [
      {
        key: "nc-6-a",
        by: "@author",
        at: 150,
        body: 'You are doing the right thing, Ravi. She won\'t forget you in a month; what she will forget, gradually, is how tense the last part of the relationship felt, and that is exactly what you need. On day thirty, read the section "What comes after the silence" and keep your first message very light. No letters, no playlists for now.',
        replies: [
          {
            key: "nc-6-a-r",
            by: "Ravi",
            at: 170,
            body: "Thank you. Seeing it written down like that helps. I'll keep going.",
          },
        ],
      },
    ],
  },
  {
    key: "nc-7",
    by: "Hannah",
    email: "hannah@example.org",
    section: "unavoidable-contact",
    at: 190,
    body: "We have a four-year-old. How do I do no contact when we hand her over twice a week?",
    replies: [
      {
        key: "nc-7-a",
        by: "@author",
        at: 196,
        body: 'With a child, the aim is "only the contact the logistics need". Keep messages to times, places and your daughter\'s needs, use a shared calendar if you can, and keep handovers short and friendly at the door. Your daughter benefits from seeing calm handovers, whatever happens between the two of you later.',
        replies: [
          {
            key: "nc-7-a-r",
            by: "Hannah",
            at: 220,
            body: "He tries to talk about us at handovers. What do I say?",
            replies: [
              {
                key: "nc-7-a-r-a",
                by: "@author",
                at: 226,
                body: "Something like \"I don't want to talk about that at handovers, but I'll let you know when I'm ready to talk\" works. It's honest, it's not a door slammed shut, and it keeps your daughter out of the middle.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: "nc-8",
    by: "Luca",
    section: "hard-days",
    at: 240,
    body: "I broke no contact on day nineteen. I was drunk and sent a voice note. I'm so embarrassed. Do I apologise?",
    replies: [
      {
        key: "nc-8-a",
        by: "@author",
        at: 246,
        body: "A short apology is fine if the voice note was upsetting: one sentence, sober, then silence again. If it was just sad rather than hurtful, I wouldn't send anything. Either way, start counting from tomorrow, and think about what you can put in place for the evenings you drink.",
        replies: [
          {
            key: "nc-8-a-r",
            by: "Luca",
            at: 260,
            body: "It was mostly me crying. I'll leave it and start again. Giving my phone to my flatmate on Friday nights for now.",
            replies: [
              {
                key: "nc-8-a-r-a",
                by: "@author",
                at: 264,
                body: "That's a great plan. And don't be too hard on yourself: most people who manage a full month slipped at least once along the way.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: "nc-9",
    by: "Grace",
    section: "after-the-silence",
    at: 280,
    body: "Day thirty was yesterday. I sent a light message like you suggest and she replied within an hour, friendly but short. What now?",
    replies: [
      {
        key: "nc-9-a",
        by: "@author",
        at: 290,
        body: "That's a good sign, Grace. Reply once, keep it just as light, and let the conversation end on a pleasant note rather than stretching it out. Don't suggest meeting yet; let a few easy exchanges happen over the next week or two first.",
      },
    ],
  },
  {
    key: "nc-10",
    by: "Omar",
    section: "when-it-helps",
    at: 320,
    body: "She cheated and then ended it. I still want her back. Will no contact make her realise what she lost?",
    replies: [
      {
        key: "nc-10-a",
        by: "@author",
        at: 330,
        body: "I'd gently suggest using the month for a different question: whether you want to rebuild trust with someone who broke it, and what that would take. Silence can give you the space to answer that honestly. It can't make anyone realise anything; that part is up to her.",
      },
    ],
  },
  {
    key: "nc-11",
    by: "Sofia",
    at: 360,
    body: "Thank you for writing this without promising miracles. Most things I've read make it sound like a magic formula.",
    replies: [
      {
        key: "nc-11-a",
        by: "@author",
        at: 372,
        body: "Thank you, Sofia. There's no formula, just a bit of time and space used well.",
      },
    ],
  },
  {
    key: "nc-12",
    by: "Dmitri",
    section: "how-long",
    at: 400,
    body: "My ex messaged me on day nine asking how I was. I replied and we chatted for an hour. Does that reset the count?",
    replies: [
      {
        key: "nc-12-a",
        by: "@author",
        at: 410,
        body: "It does, I'm afraid, in the sense that an hour-long chat is contact. That doesn't mean it went badly. Have a look at my answer to Tomasz at the top of the page: start again from tomorrow, and next time keep a reply to a line or two.",
      },
    ],
  },
  {
    key: "nc-13",
    by: "Chloe",
    section: "hard-days",
    at: 430,
    body: "What helped others most in the first week? I can't sleep and I keep rereading our old messages.",
    replies: [
      {
        key: "nc-13-a",
        by: "Aisha",
        at: 436,
        body: "Archiving the chat so it wasn't the first thing I saw, and walking every evening with a podcast. Sounds small, made a real difference.",
      },
      {
        key: "nc-13-b",
        by: "@author",
        at: 444,
        body: "Both of Aisha's ideas are good. If sleep stays bad for more than a couple of weeks, please also talk to your doctor; a breakup is a real shock to the body, not only the heart.",
      },
    ],
  },
  {
    key: "nc-14",
    by: "Pete",
    section: "what-it-asks",
    at: 470,
    body: "Can I still ask our mutual friends how she's doing?",
    replies: [
      {
        key: "nc-14-a",
        by: "@author",
        at: 476,
        body: "I'd avoid it. News travels both ways in a friend group, and she will probably hear that you asked. It also keeps you thinking about her day to day, which makes the month harder.",
      },
    ],
  },
];

export const HOW_TO_THREADS: SeedPost[] = [
  {
    key: "ht-1",
    by: "Marisol",
    section: "before",
    at: 12,
    body: "Should the message before going quiet mention that I still love him? It feels dishonest not to.",
    replies: [
      {
        key: "ht-1-a",
        by: "@author",
        at: 20,
        body: "I'd keep it out of this particular message. It's not dishonest to leave it unsaid for now; it just keeps the message about needing time rather than asking for a response.",
      },
    ],
  },
  {
    key: "ht-2",
    by: "Kenji",
    section: "setup",
    at: 36,
    body: "Is blocking better than muting? Blocking feels dramatic.",
    replies: [
      {
        key: "ht-2-a",
        by: "@author",
        at: 40,
        body: "Muting is usually enough and easier to undo. Block only if they are sending messages you find upsetting, or if you know you won't manage otherwise.",
      },
    ],
  },
  {
    key: "ht-3",
    by: "Fatima",
    section: "the-month",
    at: 90,
    body: "The week-three dip is so real. I'm on day twenty and it's worse than day five.",
    replies: [
      {
        key: "ht-3-a",
        by: "Marisol",
        at: 96,
        body: "Same here! Day twenty-two now and it's already a bit easier. Hang in there.",
      },
    ],
  },
];
