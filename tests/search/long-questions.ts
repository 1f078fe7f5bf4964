// Long questions as real readers write them: a story of 80 to 300 words that
// ends in the question (the shape of a thread under a self-help article),
// written for Afterword's tests. Each has the rephrasings a reader might type
// into the ask form looking for it (8 to 30 words); UNRELATED_TO_LONG are
// questions that share their words but ask about something else, for which no
// suggestion is right. tests/integration/search-long-questions.test.ts imports
// the questions as a site owner would (a WordPress export) and measures the
// suggestions on them.
export type LongQuestion = { key: string; name: string; body: string; rephrasings: string[] };

export const LONG_QUESTIONS: LongQuestion[] = [
  {
    key: "drunk-text",
    name: "Priya",
    body: `Hi Nora. My boyfriend and I split up in early March after almost four years. It was mostly my fault, I was working all the time and never made room for him, and when he said he was done I knew he meant it. I started no contact the next day and honestly it was going well. I deleted his number, muted him everywhere, told my sister to take my phone on weekends. Then on Saturday, which was day nineteen, I went out for a colleague's leaving party and got drunk on far too much wine. At two in the morning I sent him a long message saying I still loved him and asking if he thought about me. He hasn't answered. I feel so stupid. Do I have to start the whole thirty days again from Saturday, or can I carry on from day nineteen as if it didn't happen?`,
    rephrasings: [
      "I sent a drunk text on day nineteen of no contact, do I have to restart the thirty days?",
      "Got drunk and messaged my ex in the middle of no contact. Does the count start over?",
    ],
  },
  {
    key: "birthday",
    name: "Marcus",
    body: `We broke up three weeks ago. She ended it because she said we wanted different things, she wants to move back to her home town and I have my job here. No drama, no cheating, just sad. I've kept no contact since the day she moved her things out and I'm on day twenty-one. The problem is her birthday is next Thursday. Every year I've made a big deal of it, breakfast in bed, a cake from the Portuguese bakery she loves. If I say nothing at all I think she'll take it as me being cold or bitter, and her friends will notice too. If I send a short happy birthday text, is that breaking no contact? Would a card in the post be better than a text? I don't want her to think I've stopped caring.`,
    rephrasings: [
      "Can I send my ex a happy birthday message during no contact?",
      "Her birthday falls on day 25 of no contact, would a card or a short text break it?",
    ],
  },
  {
    key: "dog",
    name: "Elena",
    body: `My ex and I adopted a rescue dog together two years ago, a nervous greyhound called Biscuit. When we separated last month we agreed to share him, a week with me and a week with her, because neither of us could bear to give him up and he's attached to both of us. So every Sunday evening one of us drives Biscuit to the other's flat along with his bed, food and medication. It takes ten minutes but it's always awkward, and last time she wanted to talk about us on the doorstep. I've read the part of the article about contact you can't avoid, but it talks about children, not pets. How do I do no contact when we swap the dog every single week? Should I ask a friend to do the handover, or is it fine as long as we only talk about the dog?`,
    rephrasings: [
      "We share our dog and swap him every week, how do I keep no contact during the handovers?",
      "Shared custody of a pet with my ex, weekly dog handover, is that allowed in no contact?",
    ],
  },
  {
    key: "same-office",
    name: "Tobias",
    body: `I work at a small design agency, twelve people, and I dated a woman in the accounts team for about a year. She ended it in January and said she needed space. The trouble is that we sit maybe six metres apart, we're in the same Monday planning meeting, and she processes my expense claims. There is no way to avoid her completely and I can't afford to quit, the job market in my city is terrible right now. I've been eating lunch at my desk and taking the long way round to the kitchen so I don't pass her desk, but then I feel childish. Colleagues have started to notice. How do I do no contact with someone I see at work every day without making the office atmosphere awful for everyone, and what do I say when she talks to me in meetings?`,
    rephrasings: [
      "My ex works in the same office as me, how can I do no contact when I see her every day?",
      "How to handle no contact with a coworker ex who sits near me and comes to the same meetings?",
    ],
  },
  {
    key: "blocked",
    name: "Aisha",
    body: `After the breakup my ex blocked me on everything, his phone number, Instagram, WhatsApp, even my email address, which I found out when a message bounced. We were together two and a half years and I don't even fully understand why it ended, he just said he wasn't happy any more and left. My friends say I'm already in no contact whether I like it or not, since I can't reach him anyway. But it doesn't feel like the no contact you describe, it feels like he did it to me. Does no contact still work if he's the one who blocked me? Is there any point in counting days when I couldn't contact him even if I wanted to? And when the thirty days are over, how would I even reach out if I'm still blocked?`,
    rephrasings: [
      "My ex blocked me on every app and his phone. Does no contact still work if he blocked me?",
      "Is there any point doing no contact if she already blocked my number and social media?",
    ],
  },
  {
    key: "rebound",
    name: "Jonas",
    body: `Two weeks after we broke up, my ex started seeing a guy she met at her climbing gym. I found out from a mutual friend who showed me a photo of them at a concert. We'd been together nearly three years and had talked about moving in together this summer, so this hit me hard. I'm on day sixteen of no contact and I keep wondering whether there's any point continuing. If she's already with someone new, isn't the silence just giving them space to get closer? Part of me wants to message her now and tell her how I feel before it's too late. Is this new relationship just a rebound that will burn out, and should I keep going with no contact while she's dating someone else?`,
    rephrasings: [
      "My ex is already dating someone new two weeks after we split, is it a rebound and should I keep no contact?",
      "She has a new boyfriend already, is no contact pointless now?",
    ],
  },
  {
    key: "miss-you-text",
    name: "Camille",
    body: `I'm on day ten of no contact. Last night around midnight my ex sent me a message out of nowhere, just "I miss you. I hope you're ok." Nothing else. We were together for five years and he was the one who ended it in a pretty cold way, so this is the first sign that he has any feelings left at all. My heart jumped when I saw it and I've read it about a hundred times. I haven't replied yet. My best friend says I should ignore it completely and finish the thirty days, my mum says it would be rude not to answer. Is it a test? If I answer, am I throwing away the ten days I've done? If I don't, will he think I've moved on and give up? What should I do when my ex texts me first during no contact?`,
    rephrasings: [
      "My ex texted me that he misses me on day ten of no contact, should I reply?",
      "What do I do if my ex messages me first saying I miss you while I'm doing no contact?",
    ],
  },
  {
    key: "lease",
    name: "Daniel",
    body: `We broke up a month ago but we still live together. Our lease is in both names and it doesn't end until the end of August, and neither of us can afford to pay for a second place plus our half of the rent here. So we're sharing a two-bedroom flat, I moved into the spare room, and we pass each other in the kitchen every morning. It's awful. I've read that no contact is the first step but I can't see how it applies when we literally share a bathroom. I've tried staying at my brother's two nights a week. Should I wait until we've moved out to start no contact, or is there some way to do it while we still live under the same roof?`,
    rephrasings: [
      "We still live together until our lease ends in August. How do I do no contact in the same flat?",
      "Can you do no contact with an ex you still share an apartment and rent with?",
    ],
  },
  {
    key: "kids",
    name: "Rachel",
    body: `My husband moved out six weeks ago and we've agreed to separate. We have two children, seven and four, and we share them half and half, so I see him at least three times a week at handovers, usually at the school gate or at my door. He also calls the kids every evening on my phone because the little one doesn't have one, obviously. I don't want the children to see us being cold with each other, they're already confused and the older one has started wetting the bed again. But every handover ends with him asking how I am and whether I've thought about things, and I end up crying in the car. How can I possibly do no contact while we co-parent, and how do I keep talking to him about the kids without getting pulled back into talking about us?`,
    rephrasings: [
      "How do I do no contact when we share custody of our two kids and see each other at handovers?",
      "Co-parenting with my ex husband, how do I limit contact to the children only?",
    ],
  },
  {
    key: "long-distance",
    name: "Kenji",
    body: `My girlfriend lives in Melbourne and I live in Vancouver. We met when she was on exchange here and did long distance for two years, with visits twice a year. Last week she ended it on a video call. She said the distance and the time difference were wearing her down and she couldn't see a future where one of us moved. The thing is, I'd already booked flights to visit her in June, and they're non-refundable. Because of the time zones we only ever talked at strange hours anyway, so no contact feels different, almost the same as a normal week. Does no contact even work in a long distance relationship where we barely saw each other? And should I cancel the trip or go and see her in June as planned?`,
    rephrasings: [
      "Does no contact work after a long distance relationship where we lived in different countries?",
      "Long distance girlfriend ended it over a video call, I already booked flights to visit her, should I still go?",
    ],
  },
  {
    key: "belongings",
    name: "Sofia",
    body: `When I moved out of my ex's house in a hurry, I left a few things behind that really matter to me: my guitar, a box of photo albums, and my grandmother's ring, which was in the bedside drawer. I'm on day twelve of no contact and I haven't asked for any of it back because I didn't want to break the silence. But I'm scared he'll throw things away or that the ring will go missing, he's not careful with things. The article mentions having a friend collect stuff, but all our friends are really his friends and I don't want to drag them in. Can I send one message just about getting my belongings back without ruining no contact? How should I word it so it isn't an excuse to talk?`,
    rephrasings: [
      "My ex still has my things including my grandmother's ring, can I ask for them back during no contact?",
      "How do I get my belongings back from my ex's house without breaking no contact?",
    ],
  },
  {
    key: "wedding",
    name: "Hannah",
    body: `Our close friends are getting married in three weeks and both my ex and I are invited, we were both going to be in the wedding party before the breakup. It will be day twenty-six of no contact. The bride is my best friend from school and the groom is his oldest friend, so neither of us can really skip it. I've already bought the dress and paid for the hotel. I'm terrified of seeing him there, especially if he brings a date, and I'm worried I'll drink too much and say something. Should I go to the wedding at all? If I go, what do I do if he comes over to talk to me? Does being in the same room for a whole day break no contact?`,
    rephrasings: [
      "We are both invited to our friends' wedding during no contact, should I still go?",
      "My ex will be at a wedding I have to attend on day 26, how do I act if he talks to me?",
    ],
  },
  {
    key: "his-mother",
    name: "Lucia",
    body: `I was with my ex for six years and I became really close to his mother. She used to call me every Sunday and we'd talk for an hour, sometimes more than I talked to him. Since the breakup she's called twice and sent me a long voice message saying she misses me and that I'm still family to her no matter what. I love her and I don't want to lose her too. But I know she'll tell him everything I say, and I suspect he might even be asking her to find out how I'm doing. Is talking to his mother breaking no contact? Should I let her calls go to voicemail for thirty days, even though that would hurt her? How do I keep a relationship with his family without it getting back to him?`,
    rephrasings: [
      "His mother keeps calling me after the breakup, is talking to his family breaking no contact?",
      "Should I stop talking to my ex's mum during no contact? We were very close.",
    ],
  },
  {
    key: "instagram-jealous",
    name: "Bella",
    body: `I've been good about not messaging my ex, day eight today. But I'll admit I've been posting a lot more on Instagram since the breakup. Photos from nights out, a trip to the coast with my friends, a picture at the gym. I know he looks at my stories because his name shows up in the viewer list every single time, usually within minutes. My friend says I'm trying to make him jealous and that it's the opposite of no contact, that I'm still talking to him, just in a different way. I told her that I'm just living my life. But honestly I check the views before anything else in the morning. Is posting on social media to make your ex jealous a bad idea during no contact? Should I just stop posting altogether for a month?`,
    rephrasings: [
      "Is it wrong to post on Instagram to make my ex jealous during no contact?",
      "He watches all my stories, should I keep posting photos on social media while I'm doing no contact?",
    ],
  },
  {
    key: "dumper-regret",
    name: "Oliver",
    body: `I'm the one who ended things, about five weeks ago. At the time I was stressed with work and my dad being ill, and I convinced myself I needed to be on my own and that the relationship was holding me back. Now my dad is doing better and I've realised I made a massive mistake. She was the best thing in my life. Everything I read about no contact is written for the person who got dumped, as if the one who left can't possibly want the other back. She's been completely silent since I left, which I suppose is fair. Does no contact apply to me if I'm the one who broke up? Should I give her thirty days of silence first, or go straight to apologising and telling her I regret it?`,
    rephrasings: [
      "I broke up with her and now regret it. Does no contact apply if I was the one who ended it?",
      "I was the dumper and I want her back, should I still do thirty days of silence or apologise now?",
    ],
  },
  {
    key: "divorce-lawyer",
    name: "Margaret",
    body: `My husband and I have been married twelve years and he filed for divorce in November. Everything now goes through our lawyers, the house, the pension, the savings account. I didn't want the divorce and I still hope we could reconcile, even at this stage. His lawyer's letters are so cold that I barely recognise the man I married in them. I've read your article several times. Does the no contact rule work when you're in the middle of a divorce? Am I allowed to contact him directly about anything, or should every single thing go through the lawyers for the next few months? And is there any chance of getting back together once the legal process has started, or is it too late at that point?`,
    rephrasings: [
      "Can no contact work during a divorce when everything goes through the lawyers?",
      "My husband filed for divorce after twelve years of marriage, is it too late to reconcile with no contact?",
    ],
  },
  {
    key: "self-harm",
    name: "Ines",
    body: `This is hard to write. My ex has struggled with depression for as long as I've known him. When I ended things, he said he didn't know what he would do without me, and two days later he sent a message saying he didn't see the point of anything any more. I called his brother, who went round, and he was ok, but I haven't slept properly since. I want to start no contact because every conversation drags me back in and I can't carry his wellbeing on my own, but I'm terrified that if I go silent and something happens to him it will be my fault. What do I do about no contact when my ex is depressed and has said things that frighten me?`,
    rephrasings: [
      "My ex is depressed and said he sees no point in anything, is it safe to start no contact?",
      "I'm scared my ex might hurt himself if I go silent. What should I do about no contact?",
    ],
  },
  {
    key: "first-message",
    name: "Rahul",
    body: `I finished my thirty days of no contact yesterday. It was the hardest month of my life but I didn't break it once, not even on her birthday. I feel much calmer now, and I've started running again and sleeping better. Now I don't know how to restart contact. Do I just text her "hey, how are you"? Should I mention the breakup or act as if nothing happened? I don't want to come across as needy after all this work, and I definitely don't want to scare her off with a long emotional message. What exactly should my first message say after no contact ends, and should I text or call?`,
    rephrasings: [
      "No contact is over, what should my first message to my ex say after thirty days?",
      "Finished the 30 days. Should I text or call my ex first, and what do I say?",
    ],
  },
  {
    key: "reset-day-28",
    name: "Grace",
    body: `I was so close. Day twenty-eight of no contact, just two days left, and my ex called me. I didn't pick up, but then he texted asking if I had the spare key to his car, because he can't find it. I did have it, in my coat pocket. I wrote back "yes, I'll leave it with your sister", and that was it, one message. Now I'm confused about whether that counts. Technically I responded to him, but it was about a key, not about us. Does my no contact reset to day one because of one practical message on day twenty-eight? Or can I count it as done in two more days?`,
    rephrasings: [
      "My ex contacted me on day 28 about a car key and I replied once. Does my no contact reset?",
      "Does answering one practical message near the end of the thirty days mean starting over?",
    ],
  },
  {
    key: "car-loan",
    name: "Mateo",
    body: `My ex and I bought a car together last year and the loan is in both our names. We also share the internet and electricity bills from when we lived together, and those accounts are still running because she hasn't moved the contracts. Every month one of us pays and the other transfers half, which means we message about money at least twice a month. I don't want to damage my credit by missing a payment, and I can't just take her name off the loan. How do I handle joint bills and a shared loan during no contact without it turning into an excuse for us to keep talking?`,
    rephrasings: [
      "We have a car loan and bills in both our names, how do we pay them during no contact?",
      "How do I deal with shared money and joint accounts with my ex while doing no contact?",
    ],
  },
  {
    key: "owes-money",
    name: "Chloe",
    body: `During our relationship I lent my boyfriend a little over two thousand pounds to pay for his course and his car repairs. He always said he'd pay me back once he got a better job, and he did get the better job, right before he broke up with me. Now I'm on day six of no contact and I'm furious about the money on top of everything else. It's not a small amount for me, it was most of my savings. If I message him to ask for it, I break no contact, and it might look like I'm using it as an excuse. If I don't, I may never see it again. Should I ask my ex to pay back the money he owes me now, or wait until the thirty days are over?`,
    rephrasings: [
      "My ex owes me two thousand pounds, can I ask him to pay me back during no contact?",
      "Should I wait until no contact ends before asking my ex to return the money I lent him?",
    ],
  },
  {
    key: "still-sleeping-together",
    name: "Nadia",
    body: `We broke up in February, but since then we've slept together maybe five or six times. It usually starts with him texting late at night, and I always say yes because in those moments it feels like we're back together. Then in the morning he's distant again and says he still doesn't want a relationship. I know it's bad for me. Every time I feel worse afterwards. But a part of me thinks that as long as we're still sleeping together, there's a chance he'll realise he wants me back. Is sleeping with my ex ruining my chances? Should I stop and start no contact, even though it might mean losing the only connection we have left?`,
    rephrasings: [
      "We still sleep together after the breakup, is that ruining my chances of getting him back?",
      "Should I stop hooking up with my ex and start no contact instead?",
    ],
  },
  {
    key: "pregnant",
    name: "Lauren",
    body: `My boyfriend ended our relationship about three weeks ago, and a week later I found out I'm pregnant. I'm about eight weeks along and I haven't told him yet. I've been doing no contact because I was hoping he'd realise he missed me, but now everything has changed. I don't want him to come back only because of the baby, that would be worse than him not coming back at all. But he has a right to know, and I'll need to talk to him about so many things over the coming months. How do I tell my ex I'm pregnant when I'm in the middle of no contact, and should no contact continue after I've told him?`,
    rephrasings: [
      "I found out I'm pregnant after the breakup, how do I tell my ex during no contact?",
      "Should I keep doing no contact now that I'm expecting my ex boyfriend's baby?",
    ],
  },
  {
    key: "university-group",
    name: "Felix",
    body: `My ex and I are both in the final year of the same engineering degree, and we were put in the same group for our final design project before we broke up. The project runs until May and it's worth forty percent of the year. There are four people in the group and we meet twice a week in the library, plus there's a group chat where we're both very active. I asked the lecturer whether I could switch groups and he said no, it's too late. I can't fail this project because of a breakup. How do I do no contact with an ex who is in my group project at university, and is it ok to talk about the project?`,
    rephrasings: [
      "My ex is in my university group project until May. Can I still do no contact?",
      "We have to work together on a final year project at uni, how do I handle no contact?",
    ],
  },
  {
    key: "new-partner-messaged",
    name: "Zara",
    body: `Something strange happened yesterday. The woman my ex started seeing after we split messaged me on Facebook. I've never met her. She said she wanted to know why we broke up, whether he'd ever cheated on me, and whether he was "like this" with me too, without explaining what "this" meant. I'm on day fourteen of no contact and I have no idea what to do. Part of me wants to answer and tell her everything, part of me thinks it's a trap and it will all get back to him. Does talking to my ex's new girlfriend break no contact? Should I answer her questions at all?`,
    rephrasings: [
      "My ex's new girlfriend messaged me asking questions about him, should I answer her?",
      "Does replying to the new partner of my ex count as breaking no contact?",
    ],
  },
  {
    key: "anxiety-phone",
    name: "Ethan",
    body: `I'm on day five and I'm not coping. I can't sleep, I wake up at four in the morning with my heart racing, and the first thing I do is check my phone to see if she's been online. I've lost about four kilos because I can't eat. At work I keep my phone face up on the desk and check it every few minutes. My manager has noticed I'm distracted. I haven't contacted her, so technically I'm doing no contact, but I feel like I'm going crazy. Is this normal in the first week? Are there any practical things that help with the anxiety and with the constant urge to check my phone, apart from just waiting?`,
    rephrasings: [
      "I can't sleep and keep checking my phone every few minutes during no contact. How do I cope with the anxiety?",
      "Day five, constant anxiety and no appetite, is this normal in the first week of no contact?",
    ],
  },
  {
    key: "stuff-one-at-a-time",
    name: "Ruth",
    body: `My ex left a lot of his things at my flat when he moved out: clothes, his record player, a box of books, tools. Instead of collecting everything at once, he keeps messaging to say he needs one thing, and then he turns up on my doorstep and stays to chat. This has happened four times in three weeks. Last time it was a single jumper. I'm starting to think he's doing it on purpose, maybe to keep a foot in the door. Each time, I'm back to day one. How do I stop my ex using his things at my place as an excuse to come round? Would it be wrong to pack everything up and drop it at his parents' house without asking?`,
    rephrasings: [
      "My ex keeps coming round to pick up his things one item at a time. How do I stop it?",
      "Can I just pack up my ex's stuff and drop it at his parents' house so he stops visiting?",
    ],
  },
  {
    key: "christmas-family",
    name: "Aoife",
    body: `Months ago, before we broke up, his family invited me to spend Christmas with them in Galway. His mum even bought me a stocking with my name on it, and I've already bought presents for his nieces and nephews. We split up at the end of October. Nobody has said whether the invitation still stands, and his mum sent me a card last week that said she hopes I'll still come. Christmas would fall on day forty-odd, so after my thirty days. I can't imagine sitting through Christmas dinner with him and his whole family. What do I do about the presents and the invitation? Is it rude not to go, and how do I say no?`,
    rephrasings: [
      "His family still invited me for Christmas after we broke up, should I go?",
      "What do I do with the presents I bought for my ex's nieces and nephews before the breakup?",
    ],
  },
  {
    key: "two-years-later",
    name: "Victor",
    body: `We broke up two years ago, and there's been almost no contact since, apart from one happy new year message last January which she answered politely. I've been in another relationship since then, which ended in the summer, and I've realised I never really got over her. I hear through friends that she's single now and that she's moved back to the city. Is it too late to try to get back together after two years? Do I still need to do thirty days of no contact, or does the time that's already passed count, and I can go straight to getting in touch?`,
    rephrasings: [
      "We broke up two years ago. Do I still need to do thirty days of no contact before reaching out?",
      "Is it too late to get back with my ex after two years apart?",
    ],
  },
  {
    key: "on-off",
    name: "Noah",
    body: `My girlfriend and I have broken up and got back together five times in the past three years. It always goes the same way: a big fight about the same thing, usually her work friends, one of us leaves, a week or two of silence, then someone texts late at night and we're back. This time she ended it and said she meant it, and that she's tired of the cycle. I don't want to get her back just to break up again in a few months. Is no contact even useful for an on-and-off relationship like ours, when the silence is part of the pattern anyway? How would I make this time different?`,
    rephrasings: [
      "We have broken up and got back together five times. Does no contact help in an on and off relationship?",
      "How do I stop the cycle of breaking up and making up with my girlfriend?",
    ],
  },
  {
    key: "cheated-want-back",
    name: "Ama",
    body: `I found out in April that my partner had been cheating on me for most of last year with someone from his football team's social club. I ended it the same night. He has begged me to take him back, sent flowers to my work, written me letters. My friends are angry with him and say I should never speak to him again. But part of me still wants him back, and I hate myself for it. I don't know whether I should do no contact to make him miss me, or to work out for myself whether I could ever trust him again. Is no contact for me or for him when he's the one who cheated?`,
    rephrasings: [
      "He cheated on me and now begs me to take him back. Is no contact for me or for him?",
      "Should I do no contact with a partner who cheated and keeps sending flowers and letters?",
    ],
  },
  {
    key: "stay-friends",
    name: "Leo",
    body: `When my boyfriend broke up with me, he said he still wanted to be friends, that he couldn't imagine his life without me in it. At the time I agreed because I didn't want to lose him completely. Now, three weeks later, he texts me every day about small things, memes, his day at work, and asks if I want to grab a drink "as friends". Every time I'm with him I feel like I'm pretending. I want to do no contact but I'm worried he'll be hurt because I said we'd be friends. How do I tell my ex I can't be friends right now without it sounding like an ultimatum?`,
    rephrasings: [
      "My ex wants to stay friends and texts me every day. How do I tell him I need no contact?",
      "Can you be friends with your ex and still do no contact, or do I have to tell him no?",
    ],
  },
  {
    key: "sister-best-friend",
    name: "Freya",
    body: `My ex's sister has been my best friend since primary school. That's actually how I met him, at her eighteenth birthday party. Since the breakup she's been stuck in the middle and I can tell it's hard for her. She tells me things about him even when I don't ask, like that he's been going out a lot and that he asked about me. I don't want to lose my best friend because of this, but every time we meet I come home and can't stop thinking about him. Should I stop seeing my best friend for thirty days because she is my ex's sister, or ask her not to tell me about him?`,
    rephrasings: [
      "My best friend is my ex's sister, do I have to stop seeing her during no contact?",
      "How do I keep my friendship with my ex's sister without hearing news about him?",
    ],
  },
  {
    key: "same-gym",
    name: "Sam",
    body: `My ex and I met at a bouldering gym and we've both been members for years. We still both go, usually in the evenings after work, and it's the only exercise I actually enjoy. Since the breakup I've gone twice and both times she was there. We said hello, then climbed on opposite walls and I couldn't concentrate at all. I don't want to give up climbing, it's really helping my mood, and I've paid for the year. Is it breaking no contact if we're at the same gym at the same time? Should I change the times I go, or switch to another gym across town?`,
    rephrasings: [
      "My ex and I go to the same climbing gym, should I switch gyms during no contact?",
      "Does seeing my ex at the gym and saying hello break no contact?",
    ],
  },
  {
    key: "closure-coffee",
    name: "Isabel",
    body: `On day twelve, my ex sent me a long, thoughtful email. He apologised for how he ended things, said he'd been unfair, and asked if we could meet for a coffee to talk properly and get some closure for both of us. I haven't answered yet. It's the first time he's admitted he was wrong about anything. Part of me thinks meeting him would help me move on, part of me knows I'd go hoping for more than closure. If I go, is that the end of my no contact? Should I ask him to wait until the thirty days are over, and how do I say that without explaining the rule?`,
    rephrasings: [
      "My ex apologised and asked to meet for coffee for closure. Should I go during no contact?",
      "He wants to meet up and talk for closure on day twelve, do I ask him to wait until the month is over?",
    ],
  },
  {
    key: "band",
    name: "Arjun",
    body: `My ex and I play in the same band: I'm the drummer and she sings. We've been together as a band for four years, longer than we dated. We have gigs booked every weekend until the end of the summer, and the other three members rely on both of us. We rehearse every Wednesday. Nobody else can sing our songs, and I'm not going to walk out on the guys. We've been polite at rehearsals but the tension is obvious and the others are walking on eggshells. How does no contact work when you're in a band with your ex and have to rehearse and play gigs together every week?`,
    rephrasings: [
      "I play in a band with my ex and we have gigs every weekend. How does no contact work?",
      "Can I keep rehearsing with my ex's band and still do no contact?",
    ],
  },
  {
    key: "likes-posts",
    name: "Mia",
    body: `It's day twenty of no contact. For the first two weeks I heard nothing. Then last week my ex started liking my old photos on Instagram, ones from two or three years back, and yesterday she followed my brother. She hasn't sent any message. My friends are split: some say it's obviously a sign she's thinking about me and wants me to reach out, others say she's bored and scrolling. I want to believe it means something. Should I treat the likes as a sign she wants to get back together, and does it mean I can end no contact early and message her?`,
    rephrasings: [
      "My ex keeps liking my old photos on Instagram, is it a sign she wants me back?",
      "She liked my posts and followed my brother on day twenty, should I end no contact early?",
    ],
  },
  {
    key: "funeral",
    name: "Karim",
    body: `My ex's father died suddenly last weekend. I knew him well, we used to go fishing together, and he was always kind to me, even when my ex and I were going through bad patches. The funeral is on Friday. I'm on day seventeen of no contact. I really want to go and pay my respects, and to send a card to the family, but I don't want my ex to think I'm using her grief as a way back in. I also don't know whether she'd want me there at all. Is it right to go to the funeral during no contact? What should I say to her if I do?`,
    rephrasings: [
      "My ex's father died and the funeral is on Friday, should I go during no contact?",
      "Is it ok to send condolences and go to a funeral in her family while I'm in no contact?",
    ],
  },
  {
    key: "anniversary",
    name: "Emma",
    body: `Our anniversary is on the fourteenth, which will be day twenty-two of no contact. It would have been five years. Every year we went back to the little Italian restaurant where we had our first date. I keep thinking he'll reach out on that day, or that I should, because it would be strange to let five years pass without a word. I've also thought about going to the restaurant on my own, which my sister says is a terrible idea. How do I get through our anniversary during no contact? Should I acknowledge it to him in any way?`,
    rephrasings: [
      "Our five year anniversary is on day twenty-two, should I message him on the day?",
      "How do I get through our anniversary during no contact without reaching out?",
    ],
  },
  {
    key: "moving-abroad",
    name: "Lina",
    body: `My ex has accepted a job in Singapore and moves there in two weeks. We broke up because of it, he said he couldn't ask me to follow him and I couldn't leave my own work here. If I do thirty days of no contact, he'll be gone long before it ends and living on the other side of the world. I'm afraid that if I don't see him before he leaves, I'll regret it forever. But if I do see him, I'll just start crying and beg him to stay. Should I break no contact to say goodbye before my ex moves abroad, or let him go without a word?`,
    rephrasings: [
      "My ex is moving abroad for a job in two weeks, should I break no contact to say goodbye?",
      "He leaves for Singapore before my thirty days end. Do I see him before he goes?",
    ],
  },
  {
    key: "same-building",
    name: "Paolo",
    body: `My ex lives in the same apartment building as me, one floor down. That's how we met, in the lift. Now I see her in the lobby, at the mailboxes, in the bike room, sometimes twice a day. Last week we ended up alone in the lift together for six floors and it was the longest minute of my life. My lease has another year on it and I love my flat. I can't move just to avoid her. What's the right way to behave when I run into my ex in the building where we both live, and should I say hello or ignore her?`,
    rephrasings: [
      "My ex lives in my apartment building one floor down, how do I act when we meet in the lift?",
      "Should I say hello or ignore my ex when I see her in the lobby of our building?",
    ],
  },
  {
    key: "paid-programme-texts",
    name: "Bridget",
    body: `I bought The Quiet Return after reading your review, and I've finished the first two modules. I'm stuck on the part about the first message after the silence. I've read it three times and I still don't understand which of the example texts applies to my situation, where he's already seeing someone. I lost access to the course portal when my card expired, so I can't look at it again. Could you please just post the example messages from that chapter here, or tell me which one the course says to use when the ex has a new partner?`,
    rephrasings: [
      "Can you post the example texts from The Quiet Return chapter on the first message?",
      "I lost access to the course portal, could you share the course's example messages here?",
    ],
  },
];

/**
 * Questions that share the long questions' words (weddings, dogs, leases,
 * funerals, gyms) but are not about any of them: no suggestion is right.
 */
export const UNRELATED_TO_LONG: string[] = [
  "How much should I spend on a wedding present for a colleague I barely know?",
  "What is the best food for an older greyhound with a sensitive stomach?",
  "Our landlord wants to raise the rent when the lease renews in August, can he do that?",
  "How do I train my dog to stop pulling on the lead when we walk in the park?",
  "What should I wear to a funeral in winter if I don't own a black coat?",
  "Which climbing shoes are best for a beginner at an indoor bouldering gym?",
  "How do I write a speech for my brother's wedding when I hate public speaking?",
  "Is it better to rent or buy a car if I only drive at weekends?",
  "How can I improve my credit score after missing two electricity bill payments?",
  "What is a good first guitar for an adult learning from scratch?",
  "How do I ask my manager for a raise after a good year at the design agency?",
  "Which documents do I need to apply for a work visa in Singapore?",
  "How early should I book flights from Vancouver to Melbourne for a cheap fare?",
  "How do I get my kids to sleep in their own beds again after the holidays?",
  "What are good games to keep a four year old busy on a long car journey?",
  "Can I get a refund for non-refundable flights if the airline changes the time?",
  "How do I split the bill fairly with flatmates who use more electricity?",
  "What's a good recipe for a birthday cake without eggs?",
  "My university lecturer marked my group project unfairly, how do I appeal the grade?",
  "How can I stop checking work email on my phone at night and sleep better?",
  "What should I put in a Christmas stocking for a teenage niece?",
  "How do I choose a divorce lawyer who does not charge by the hour?",
  "What should a band charge for playing a wedding on a Saturday night?",
  "How do I clean old photo albums without damaging the pictures?",
  "Is it safe to leave a spare car key with a neighbour when I travel?",
  "How should I price handmade cakes from my bakery for birthday orders?",
  "What do I need to know before adopting a rescue dog from a shelter?",
  "How can I make my Instagram photos look better without buying a new phone?",
  "What are good exercises for back pain for someone who sits at a desk all day?",
  "How can I lend money to my brother for his course without it causing family arguments?",
  "Which engineering degree has the best job prospects after the final year?",
  "How do I find a good family doctor for my pregnancy in a new city?",
];
