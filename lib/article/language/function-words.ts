// The most frequent function words of languages written in the Latin script. Articles,
// prepositions and conjunctions make up a third or more of any running text, so their share
// names the language of a news story reliably from a few dozen words on; content words would
// only add size. Lists from general knowledge of each language's commonest words; closely
// related languages (Danish and Norwegian, Czech and Slovak) share many and may be confused,
// which nothing here depends on: the question that matters is English or not.
// prettier-ignore
export const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for it was on with as he by at from his have has are be this which were said but not an they will been would who their had its about after',
  de: 'der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es werden aus er hat dass sie nach wird bei einer um noch wie über zum war haben nur oder',
  fr: 'de la le et les des en un une du est que pour qui dans par pas au sur plus ne se ce il sont avec ont été aux mais cette elle nous leur',
  es: 'de la que el en y los del se las por un para con no una su al lo como más pero sus le ha este sobre entre también fue está han desde',
  pt: 'de o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito nos já está também são',
  it: 'di e il la che è per un in del non una della con sono le si i da al gli anche come più dei nel ha alla ma questo lo delle essere stato',
  nl: 'de en van het een in is dat op te zijn met voor niet aan er die ook als bij door om maar nog wordt naar heeft was dan over uit worden tot hij kan ze wel',
  sv: 'och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år också efter skulle eller',
  da: 'og i at er det en til på af med for den de som ikke har et der han var om fra men kan vil sig også efter blev skal være når',
  nb: 'og i er det på til en som at av for med har ikke den de et om var han fra men kan vil seg også etter ble skal være når jeg hun',
  fi: 'ja on ei se että oli hän mutta kun ovat myös tai jo sen ole joka niin kuin mukaan vain nyt voi sekä jotka olla tämä hänen jos ollut',
  pl: 'i w nie na się z do to że jest o jak po ale co od za przez dla jego oraz tak już czy był może który które są tym jej być',
  cs: 'a se na v je že to s z do o by i ve jako k za ale jsou jeho který které pro jak byl po tak podle také už bylo od',
  sk: 'a sa na v je že to s z do o by aj vo ako k za ale sú jeho ktorý ktoré pre tak bol po podľa tiež už bolo od',
  hr: 'i je u da se na za su o od a koji s kao će ne iz to sa što ali bi bio koja kako ili biti još nije prema nakon godine',
  sl: 'in je v da se na za so z ki pa ne po bi tudi ali kot iz bo še sem od do kar lahko',
  ro: 'de și în a la cu care pe nu o un din să se mai este pentru fost au ca sau sunt acest după dar prin lui fi această am',
  hu: 'a az és hogy nem is egy meg van de volt már csak mint ki el még ez azt fel után vagy pedig szerint kell lesz minden amely',
  tr: 've bir bu da de için ile çok daha olarak olan gibi ama en ne sonra kadar var ki o her yok göre değil olduğu oldu şu ise onun ya',
  id: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada ke juga ada oleh atau karena saat telah sudah bisa mereka kami tersebut lebih bahwa adalah',
  tl: 'ang ng sa na mga at ay si ni para hindi kay ito siya nito ko din rin niya may kung pero lamang lang naman mula ayon kanyang dahil nang',
  vi: 'và của có là các những được trong cho không một với người đã này để khi từ đến cũng như ra về sẽ thì tại năm theo',
  sq: 'e të në dhe i me një për që nga se është u ka do nuk si më por edhe ky kjo janë ishte pas sipas',
  ca: 'de la i el que a en les per del un una amb no es va dels són ha més al els com però aquest seva també',
  et: 'ja on ei et see oli ka kui mis aga ta nii siis või ning veel pärast kes olnud mida seda üle tema',
  lt: 'ir yra kad į su iš o tai bet nuo buvo jo kaip dar per apie ar taip tik jau bus po kurie savo',
  lv: 'un ir ka uz no par ar kas bet tas vai arī bija to lai tā pēc kā līdz jau viņš var šo gada',
  sw: 'na ya wa kwa za la katika ni kuwa hiyo hii cha pia kama lakini baada huo yake wake hata bado sana',
};
