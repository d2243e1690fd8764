import type { SeedAssociation } from "./types";

// Source: /work/shared/seeds/001_ba71ba1d0f0903b9.txt — "سياسة تنظيم العلاقة مع المستفيدين وتقديم الخدمات"
// of الجمعية التعاونية متعددة الأغراض بالحلاه (registered no. 300). The Arabic is the published text
// with OCR slips corrected (checked against Qader's parallel text); the garbled signature block is
// left out, and the source records no board session or date.

export const alhilah: SeedAssociation = {
  slug: "alhilah",
  name: {
    ar: "الجمعية التعاونية متعددة الأغراض بالحلاه",
    en: "Al-Hilah Multi-Purpose Cooperative Association",
  },
  city: { ar: "الحلاه", en: "Al-Hilah" },
  registrationNumber: "300",
  supervisingBody: {
    ar: "وزارة الموارد البشرية والتنمية الاجتماعية — مركز التنمية الاجتماعية ببرجرج",
    en: "Ministry of Human Resources and Social Development — Social Development Center in Barjaraj",
  },
  contacts: {
    phone: "+966556880045",
    email: "alhilahMCS@gmail.com",
    website: "https://www.alhilahmcs.org",
    x: "alhalahMCS",
    instagram: "alhalah18",
  },
  healthRelated: false,
  supportTypes: [
    { key: "financial-aid", ar: "مساعدة مالية", en: "Financial aid" },
    { key: "food-basket", ar: "سلة غذائية", en: "Food basket" },
    { key: "housing", ar: "دعم السكن والإيجار", en: "Housing and rent support" },
    { key: "bills", ar: "سداد فواتير الخدمات", en: "Utility bills" },
    { key: "training", ar: "تدريب وتوظيف", en: "Training and employment" },
    { key: "appliances", ar: "أجهزة منزلية", en: "Household appliances" },
  ],
  primaryColor: "#1d4ed8",
  policy: {
    title: {
      ar: "سياسة تنظيم العلاقة مع المستفيدين وتقديم الخدمات",
      en: "Policy on Organizing the Relationship with Beneficiaries and Providing Services",
    },
    preamble: [
      {
        ar: "تضع الجمعية السياسات والإجراءات التي تنظم علاقتها بجميع الأطراف من مستفيدين وداعمين ومتطوعين وخلافه، بما يكفل حقوق الجمعية وكافة هذه الأطراف. وتشكل أنظمة العمل والعقود المصدر الأساسي في تحديد حقوق وواجبات المتعاقدين وطريقة أدائها وتبعات التقصير في الأداء، وحدود المسؤولية وطريقة تسوية الخلافات التي قد تنشأ من جراء تنفيذ هذه العقود والخدمات بشكل يكفل حماية الأطراف ذات العلاقة مع الجمعية.",
        en: "The Association sets out the policies and procedures that govern its relationship with all parties, including beneficiaries, supporters, volunteers and others, in a manner that safeguards the rights of the Association and of all these parties. Work regulations and contracts are the primary reference for determining the rights and obligations of the contracting parties, the manner in which they are to be fulfilled, the consequences of failure to perform, the limits of liability, and the means of settling any disputes that may arise from the execution of these contracts and services, in a manner that ensures the protection of all parties related to the Association.",
      },
      {
        ar: "وتركز الجمعية على صياغة العلاقات مع المستفيدين، وتضع لها أولوية من خلال وضع آلية لتنظيم هذه العلاقة، مع مراجعتها باستمرار والتعديل عليها وتعميمها بما يكفل حقوق المستفيد.",
        en: "The Association pays particular attention to shaping its relations with beneficiaries and gives them priority by establishing a mechanism to organize this relationship, which is continuously reviewed, amended and circulated in a manner that safeguards the rights of the beneficiary.",
      },
    ],
    generalGoal: {
      ar: "تقديم خدمة متميزة للمستفيدين من كافة الشرائح بإتقان وسرعة وجودة عالية لإنجاز معاملاتهم ومتابعة متطلباتهم ومقترحاتهم والعمل على مواصلة التطوير والتحسين التي تتم بالتعاون مع كافة الجهات للوصول إلى تحقيق الأهداف، والوصول إليهم بأسهل الطرق دون الحاجة إلى طلب المستفيد.",
      en: "To provide outstanding service to beneficiaries from all segments of society, with proficiency, speed and high quality, in order to complete their transactions and follow up on their requirements and suggestions; to pursue continuous development and improvement in cooperation with all relevant bodies in order to achieve the goals; and to reach beneficiaries by the easiest means, without the beneficiary needing to ask.",
    },
    detailedGoals: [
      {
        ar: "تقدير حاجة المستفيد وكافة الفئات المستفيدة في الجمعية من خلال تسهيل الإجراءات وحصولهم على كافة الخدمات المطلوبة دون عناء ومشقة.",
        en: "Assessing the needs of the beneficiary and of all beneficiary groups of the Association by simplifying procedures and enabling them to obtain all the services they need without difficulty or hardship.",
      },
      {
        ar: "تقديم الخدمات المتكاملة بأحدث الأساليب الإلكترونية في خدمة المستفيد.",
        en: "Providing integrated services using the latest electronic methods to serve the beneficiary.",
      },
      {
        ar: "تقديم المعلومات والإجابات بشكل ملائم بما يتناسب مع تساؤلات المستفيدين واستفساراتهم من خلال عدة قنوات.",
        en: "Providing information and answers in an appropriate manner that addresses beneficiaries' questions and enquiries, through multiple channels.",
      },
      {
        ar: "تقديم خدمة للمستفيد من موقعه حفاظاً لوقته وتقديراً لظروفه وسرعة إنجاز خدمته.",
        en: "Serving beneficiaries from where they are, to save their time, to take their circumstances into account and to complete their service promptly.",
      },
      {
        ar: "التركيز على عملية قياس رضا المستفيد كوسيلة لرفع جودة الخدمة المقدمة والتحسين المستمر لإجراء تقييم خدمة وأداء مقدم الخدمة.",
        en: "Focusing on measuring beneficiary satisfaction as a means of raising the quality of the service provided and of continuous improvement, by evaluating the service and the performance of the service provider.",
      },
    ],
    trustMeasures: {
      intro: {
        ar: "زيادة ثقة وانتماء المستفيدين بالجمعية من خلال تبني أفضل المعايير والممارسات في تقديم الخدمة للمستفيد وذلك عن طريق ما يلي:",
        en: "Increasing beneficiaries' trust in the Association and their sense of belonging to it by adopting the best standards and practices in providing service to the beneficiary, through the following:",
      },
      items: [
        {
          ar: "تصحيح المفاهيم السائدة لدى المستفيد عن الخدمات المقدمة في الجمعية.",
          en: "Correcting the prevailing perceptions that beneficiaries hold about the services provided by the Association.",
        },
        {
          ar: "تكوين انطباعات وقناعات إيجابية جديدة نحو الجمعية وما تقدم من خدمات.",
          en: "Building new positive impressions and convictions about the Association and the services it provides.",
        },
        {
          ar: "نشر ثقافة تقييم الخدمة لدى المستفيد والتشجيع على ذلك والتأكيد على أن تقييم جودة الخدمة حق من حقوق المستفيد حيث أنها أداة للتقويم والتطوير لا للعقاب والتشهير.",
          en: "Spreading a culture of service evaluation among beneficiaries, encouraging it, and emphasizing that evaluating the quality of service is one of the beneficiary's rights, as it is a tool for assessment and development, not for punishment or public shaming.",
        },
        {
          ar: "نشر ثقافة جودة الخدمة بين جميع الأقسام التي تقدم خدماتها للمستفيدين الداخلي أو الخارجي.",
          en: "Spreading a culture of service quality across all departments that provide services to internal or external beneficiaries.",
        },
        {
          ar: "ابتكار مفاهيم وتقنيات إدارية للارتقاء بمستوى ونوعية الخدمات المقدمة للمستفيد ومحاولة القضاء على معوقات تقديم خدمات ذات جودة عالية وذلك من خلال التطوير والتحسين المستمر للخدمات المقدمة للمستفيد من خلال تلمس آراء المستفيدين.",
          en: "Devising administrative concepts and techniques to raise the level and quality of the services provided to the beneficiary, and striving to eliminate obstacles to delivering high-quality services, through the continuous development and improvement of the services provided to the beneficiary based on seeking out beneficiaries' opinions.",
        },
      ],
    },
    channels: [
      { key: "IN_PERSON_INTERVIEW", label: { ar: "المقابلة", en: "In-person interview" } },
      { key: "PHONE", label: { ar: "الاتصالات الهاتفية", en: "Phone calls" } },
      { key: "SOCIAL_MEDIA", label: { ar: "وسائل التواصل الاجتماعي", en: "Social media" } },
      { key: "LETTER", label: { ar: "الخطابات", en: "Letters" } },
      { key: "HELP_REQUEST_SERVICE", label: { ar: "خدمات طلب المساعدة", en: "Help-request services" } },
      { key: "VOLUNTEERING", label: { ar: "خدمة التطوع", en: "Volunteering service" } },
      { key: "WEBSITE", label: { ar: "الموقع الإلكتروني للجمعية", en: "The Association's website" } },
      {
        key: "BRANCH_REPRESENTATIVE",
        label: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" },
      },
    ],
    officerTools: [
      { key: "BASIC_BYLAWS", label: { ar: "اللائحة الأساسية للجمعية", en: "The Association's basic bylaws" } },
      {
        key: "SOCIAL_RESEARCH_GUIDE",
        label: { ar: "دليل خدمات البحث الاجتماعي", en: "Social research services guide" },
      },
      {
        key: "SUPPORT_POLICY_GUIDE",
        label: { ar: "دليل سياسة الدعم للمستفيدين", en: "Beneficiary support policy guide" },
      },
      { key: "SUPPORT_REQUEST_FORM", label: { ar: "طلب دعم مستفيد", en: "Beneficiary support request form" } },
      { key: "CHARITY_WORK_POLICIES", label: { ar: "سياسات العمل الخيري", en: "Charity work policies" } },
      {
        key: "OFFICIAL_REGULATIONS",
        label: {
          ar: "التعليمات والأنظمة من الجهات الرسمية",
          en: "Instructions and regulations issued by official bodies",
        },
      },
    ],
    procedure: {
      intro: {
        ar: "ويتم التعامل مع المستفيد على مختلف المستويات لإنهاء معاملاته بالشكل التالي:",
        en: "Beneficiaries are dealt with at all levels, so that their transactions are completed, as follows:",
      },
      steps: [
        {
          key: "RECEIVE",
          text: {
            ar: "استقبال المستفيد بلباقة واحترام والإجابة على جميع الاستفسارات وإعطاء المراجع الوقت الكافي.",
            en: "Receiving the beneficiary courteously and respectfully, answering all enquiries and giving the applicant sufficient time.",
          },
        },
        {
          key: "CHECK_COMPLETENESS",
          text: {
            ar: "التأكد من تقديم المراجع كافة المعلومات المطلوبة، وعلى الموظف مطابقة البيانات والتأكد من صلاحيتها وقت تقديمها.",
            en: "Ensuring that the applicant has provided all the required information; the employee must check the data and confirm that it is valid at the time of submission.",
          },
        },
        {
          key: "REFER_TO_RESEARCH_OFFICER",
          text: {
            ar: "في حالة عدم وضوح الإجراءات للمستفيد فعلى الموظف إحالته لمسؤول البحث الاجتماعي للإجابة على تساؤلاته وإيضاح الجوانب التنظيمية.",
            en: "If the procedures are unclear to the beneficiary, the employee shall refer the beneficiary to the social research officer, who will answer their questions and explain the organizational aspects.",
          },
        },
        {
          key: "ACCURACY_DECLARATION",
          text: {
            ar: "التأكد على صحة البيانات المقدمة من طالب الدعم والتوقيع عليها وأنه مسؤول مسئولية مباشرة عن صحة المعلومات.",
            en: "Confirming the accuracy of the data submitted by the support applicant, having the applicant sign it, and making clear that the applicant is directly responsible for the accuracy of the information.",
          },
        },
        {
          key: "COMMITTEE_REVIEW",
          text: {
            ar: "التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين.",
            en: "Explaining to the beneficiary that the request will be referred to the research committee for review, and that the beneficiary will be informed of its acceptance or rejection within a period of not less than two weeks.",
          },
        },
        {
          key: "COMPLETE_REGISTRATION",
          text: {
            ar: "استكمال إجراءات التسجيل مع اكتمال الطلبات.",
            en: "Completing the registration procedures once all requirements have been fulfilled.",
          },
        },
        {
          key: "DELIVER_SERVICE",
          text: {
            ar: "تقديم الخدمة اللازمة.",
            en: "Providing the required service.",
          },
        },
      ],
    },
    responseDeadline: {
      amount: 2,
      unit: "WEEKS",
      calendar: "GREGORIAN",
      businessDays: false,
      wording: { ar: "خلال مدة لا تقل عن أسبوعين", en: "within a period of not less than two weeks" },
    },
  },
  boardDecision: null,
};
