import type { Language, Stance } from "../../db/enums";

/**
 * Sentences the synthetic consultation composes comments from, per language and stance. Plain
 * and repetitive on purpose: they exist to give the analysis realistic volumes and languages, not
 * to be read.
 */
export const SENTENCES: Record<Language, Record<Stance | "reply", string[]>> = {
  en: {
    support: ["Paragraph {label} strikes the right balance.", "We fully support the wording of {label}.", "This is an essential safeguard and should stay.", "The reference to human rights here is welcome."],
    concern: ["Paragraph {label} goes too far and would burden small developers.", "We are concerned that {label} is too vague to be implemented.", "This wording leaves out the needs of developing countries.", "The obligations here lack any oversight mechanism."],
    amendment: ["We propose to strengthen {label} as follows.", "A clearer wording would avoid ambiguity.", "Please replace 'should' with 'shall' in {label}."],
    question: ["How would {label} apply to open-source models?", "Who is responsible for monitoring {label}?", "What is meant by 'appropriate' in this paragraph?"],
    remark: ["Paragraph {label} should be read together with the preamble.", "Our organisation has published a study on this topic.", "The terminology should match earlier UNESCO instruments."],
    reply: ["I agree with this point.", "I see it differently: the text is clear enough.", "Could you give an example?", "Our experience confirms this."],
  },
  fr: {
    support: ["Le paragraphe {label} trouve le bon équilibre.", "Nous soutenons pleinement la formulation de {label}.", "Cette garantie est essentielle et doit être maintenue."],
    concern: ["Le paragraphe {label} va trop loin.", "Nous craignons que {label} soit trop vague pour être appliqué.", "Cette formulation oublie les besoins des pays en développement."],
    amendment: ["Nous proposons de renforcer {label} comme suit.", "Une formulation plus claire éviterait toute ambiguïté."],
    question: ["Comment {label} s'appliquerait-il aux modèles ouverts ?", "Qui sera chargé du suivi de {label} ?"],
    remark: ["Le paragraphe {label} doit être lu avec le préambule.", "La terminologie devrait suivre les instruments antérieurs de l'UNESCO."],
    reply: ["Je suis d'accord.", "Je ne partage pas cet avis.", "Pourriez-vous donner un exemple ?"],
  },
  es: {
    support: ["El párrafo {label} logra el equilibrio adecuado.", "Apoyamos plenamente la redacción de {label}.", "Esta salvaguarda es esencial y debe mantenerse."],
    concern: ["El párrafo {label} va demasiado lejos.", "Nos preocupa que {label} sea demasiado vago.", "Esta redacción olvida a los países en desarrollo."],
    amendment: ["Proponemos reforzar {label} de la siguiente manera.", "Una redacción más clara evitaría ambigüedades."],
    question: ["¿Cómo se aplicaría {label} a los modelos abiertos?", "¿Quién supervisará {label}?"],
    remark: ["El párrafo {label} debe leerse junto con el preámbulo.", "La terminología debería coincidir con instrumentos anteriores."],
    reply: ["Estoy de acuerdo.", "No comparto esta opinión.", "¿Podría dar un ejemplo?"],
  },
  ar: {
    support: ["الفقرة {label} تحقق التوازن الصحيح.", "نؤيد تماماً صياغة الفقرة {label}.", "هذه ضمانة أساسية ويجب الإبقاء عليها."],
    concern: ["الفقرة {label} تذهب بعيداً جداً.", "نخشى أن تكون الفقرة {label} غامضة جداً.", "هذه الصياغة تتجاهل احتياجات البلدان النامية."],
    amendment: ["نقترح تعزيز الفقرة {label} على النحو التالي.", "صياغة أوضح ستتجنب الغموض."],
    question: ["كيف ستطبق الفقرة {label} على النماذج المفتوحة؟", "من سيتولى متابعة الفقرة {label}؟"],
    remark: ["ينبغي قراءة الفقرة {label} مع الديباجة.", "ينبغي أن تتوافق المصطلحات مع صكوك اليونسكو السابقة."],
    reply: ["أوافق على ذلك.", "لا أشاطر هذا الرأي.", "هل يمكنك إعطاء مثال؟"],
  },
  zh: {
    support: ["第{label}段取得了适当的平衡。", "我们完全支持第{label}段的措辞。", "这是一项必要的保障，应予保留。"],
    concern: ["第{label}段走得太远。", "我们担心第{label}段过于含糊。", "这一措辞忽视了发展中国家的需要。"],
    amendment: ["我们建议将第{label}段加强如下。", "更清晰的措辞可以避免歧义。"],
    question: ["第{label}段如何适用于开源模型？", "谁负责监督第{label}段的执行？"],
    remark: ["第{label}段应与序言一并理解。", "术语应与教科文组织以往文书一致。"],
    reply: ["我同意。", "我不同意这一观点。", "能举个例子吗？"],
  },
  ru: {
    support: ["Пункт {label} найден верный баланс.", "Мы полностью поддерживаем формулировку пункта {label}.", "Это важная гарантия, её нужно сохранить."],
    concern: ["Пункт {label} заходит слишком далеко.", "Мы опасаемся, что пункт {label} слишком расплывчат.", "Формулировка не учитывает потребности развивающихся стран."],
    amendment: ["Предлагаем усилить пункт {label} следующим образом.", "Более ясная формулировка устранила бы неоднозначность."],
    question: ["Как пункт {label} будет применяться к открытым моделям?", "Кто будет контролировать выполнение пункта {label}?"],
    remark: ["Пункт {label} следует читать вместе с преамбулой.", "Терминология должна соответствовать прежним документам ЮНЕСКО."],
    reply: ["Согласен.", "Не разделяю эту точку зрения.", "Не могли бы вы привести пример?"],
  },
};

/** Texts campaigns circulate: one per campaign, sent by hundreds with small edits. */
export const CAMPAIGN_TEXTS: { language: Language; stance: Stance; text: string }[] = [
  { language: "en", stance: "concern", text: "As a member of the open-source community I ask that paragraph {label} exempt non-commercial research from these obligations." },
  { language: "es", stance: "support", text: "Como organización de la sociedad civil apoyamos firmemente el párrafo {label} y pedimos que no se debilite." },
  { language: "fr", stance: "amendment", text: "Nous demandons que le paragraphe {label} mentionne explicitement les droits des peuples autochtones sur leurs données." },
  { language: "en", stance: "support", text: "Youth must have a say in how AI shapes our future. Keep paragraph {label} as it is." },
  { language: "ar", stance: "concern", text: "نطالب بأن تراعي الفقرة {label} اللغة العربية والتنوع الثقافي في بيانات التدريب." },
  { language: "en", stance: "concern", text: "Paragraph {label} would put an unreasonable compliance cost on start-ups; please delete the last sentence." },
];
