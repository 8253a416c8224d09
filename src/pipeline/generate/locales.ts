// Who TuranMart's customers are: countries, names, cities, email providers and phone plans.
// Names keep their own spelling (Yılmaz, Müller, Əliyev); emails use an ASCII transliteration.

export type CountryCode = 'TR' | 'KZ' | 'UZ' | 'AZ' | 'DE' | 'GB' | 'US';

export interface PhonePlan {
  /** Calling code without `+`. */
  readonly cc: string;
  /** Leading digits of the national significant number (mobile operators, US area codes). */
  readonly prefixes: readonly string[];
  /** Digits of the national significant number. */
  readonly length: number;
  /** How the national number is grouped when written with spaces. */
  readonly groups: readonly number[];
}

export interface Locale {
  readonly code: CountryCode;
  /** Share of TuranMart's customers, in percent. */
  readonly weight: number;
  /** Offset of local time from UTC in hours (standard time; close enough for daily rhythms). */
  readonly utcOffsetHours: number;
  readonly maleNames: readonly string[];
  readonly femaleNames: readonly string[];
  /** Male forms; `femaleSuffix` makes the female form (Akhmetov → Akhmetova). */
  readonly lastNames: readonly string[];
  readonly femaleSuffix: string;
  readonly cities: readonly (readonly [string, number])[];
  readonly providers: readonly (readonly [string, number])[];
  readonly phone: PhonePlan;
  /** Transliteration used for emails: Turkish drops marks (ö → o), German spells them out (ö → oe). */
  readonly translit: 'turkic' | 'german';
}

const TR_MALE = [
  'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf', 'Murat',
  'Ömer', 'Ramazan', 'Halil', 'Süleyman', 'Abdullah', 'Mahmut', 'Recep', 'Emre', 'Burak', 'Kemal', 'Fatih',
  'Serkan', 'Onur', 'Cem', 'Can', 'Eren', 'Emir', 'Kerem', 'Barış', 'Tolga', 'Uğur', 'Oğuz', 'Volkan',
];
const TR_FEMALE = [
  'Fatma', 'Ayşe', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Şerife', 'Zehra', 'Sultan', 'Hanife',
  'Merve', 'Büşra', 'Esra', 'Özlem', 'Derya', 'Gülsüm', 'Hülya', 'Ebru', 'Sibel', 'Seda', 'Tuğba', 'Yasemin',
  'Dilek', 'Ece', 'Defne', 'Selin', 'İrem', 'Gizem', 'Buse', 'Melike', 'Aslı', 'Ceren',
];
const TR_LAST = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan',
  'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Korkmaz', 'Erdem',
  'Aksoy', 'Güneş', 'Avcı', 'Tekin', 'Bulut',
];

export const LOCALES: readonly Locale[] = [
  {
    code: 'TR', weight: 45, utcOffsetHours: 3, translit: 'turkic',
    maleNames: TR_MALE, femaleNames: TR_FEMALE, lastNames: TR_LAST, femaleSuffix: '',
    cities: [
      ['İstanbul', 30], ['Ankara', 12], ['İzmir', 10], ['Bursa', 6], ['Antalya', 6], ['Kocaeli', 4], ['Adana', 4],
      ['Konya', 4], ['Gaziantep', 3], ['Mersin', 3], ['Kayseri', 3], ['Eskişehir', 3], ['Samsun', 2],
      ['Trabzon', 2], ['Diyarbakır', 2], ['Denizli', 2],
    ],
    providers: [['gmail.com', 50], ['hotmail.com', 22], ['outlook.com', 8], ['yahoo.com', 6], ['icloud.com', 6], ['yandex.com', 5], ['mynet.com', 3]],
    phone: {
      cc: '90', length: 10, groups: [3, 3, 2, 2],
      prefixes: ['501', '505', '506', '507', '530', '531', '532', '533', '534', '535', '536', '537', '538', '539',
        '541', '542', '543', '544', '545', '546', '549', '551', '552', '553', '554', '555', '559'],
    },
  },
  {
    code: 'KZ', weight: 12, utcOffsetHours: 5, translit: 'turkic',
    maleNames: [
      'Nursultan', 'Yerlan', 'Aidos', 'Arman', 'Askar', 'Azamat', 'Bauyrzhan', 'Daniyar', 'Dauren', 'Dias', 'Yerbol',
      'Kairat', 'Marat', 'Nurlan', 'Olzhas', 'Ruslan', 'Serik', 'Talgat', 'Timur', 'Zhandos', 'Aibek', 'Alibek',
      'Almas', 'Asylbek', 'Berik', 'Yerzhan', 'Galym', 'Miras', 'Nurbolat', 'Sanzhar', 'Temirlan', 'Yersultan',
    ],
    femaleNames: [
      'Aigerim', 'Aizhan', 'Akmaral', 'Aliya', 'Anel', 'Assel', 'Ainur', 'Aruzhan', 'Balzhan', 'Dana', 'Dariga',
      'Dinara', 'Gulnara', 'Gulmira', 'Indira', 'Kamila', 'Karlygash', 'Madina', 'Meruyert', 'Moldir', 'Nazerke',
      'Saltanat', 'Saule', 'Togzhan', 'Tomiris', 'Zarina', 'Zhanna', 'Zhuldyz', 'Aisulu', 'Ayaulym', 'Botagoz',
    ],
    lastNames: [
      'Akhmetov', 'Abdrakhmanov', 'Baimukhanov', 'Bekturov', 'Dzhaksybekov', 'Ermekov', 'Iskakov', 'Kassymov',
      'Kenzhebekov', 'Nurlanov', 'Omarov', 'Ospanov', 'Sadykov', 'Serikbayev', 'Suleimenov', 'Tokayev', 'Utepov',
      'Zhakupov', 'Zhumabayev', 'Nurmagambetov', 'Kuanyshev', 'Sarsenbayev', 'Bekmukhambetov', 'Mukanov', 'Temirov',
    ],
    femaleSuffix: 'a',
    cities: [
      ['Almaty', 35], ['Astana', 25], ['Shymkent', 12], ['Karaganda', 7], ['Aktobe', 6], ['Taraz', 4],
      ['Pavlodar', 4], ['Oskemen', 4], ['Atyrau', 3], ['Kostanay', 3],
    ],
    providers: [['mail.ru', 35], ['gmail.com', 35], ['yandex.kz', 10], ['inbox.ru', 8], ['list.ru', 7], ['bk.ru', 5]],
    phone: { cc: '7', length: 10, groups: [3, 3, 2, 2], prefixes: ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'] },
  },
  {
    code: 'UZ', weight: 10, utcOffsetHours: 5, translit: 'turkic',
    maleNames: [
      'Alisher', 'Aziz', 'Bakhodir', 'Bobur', 'Davron', 'Doniyor', 'Farkhod', 'Islom', 'Jakhongir', 'Jamshid',
      'Javlon', 'Kamoliddin', 'Akmal', 'Mansur', 'Nodir', 'Otabek', 'Rustam', 'Sardor', 'Sanjar', 'Sherzod',
      'Shokhrukh', 'Temur', 'Ulugbek', 'Umid', 'Zafar', 'Abdulla', 'Anvar', 'Bekzod', 'Dilshod', 'Eldor', 'Firdavs', 'Jasur',
    ],
    femaleNames: [
      'Dilnoza', 'Gulnora', 'Madina', 'Malika', 'Mukhlisa', 'Nigora', 'Nilufar', 'Nodira', 'Sevara', 'Shakhnoza',
      'Zarina', 'Zilola', 'Kamola', 'Feruza', 'Gulchekhra', 'Dildora', 'Munisa', 'Lola', 'Mokhira', 'Sabina',
      'Sitora', 'Umida', 'Yulduz', 'Barno', 'Dilfuza', 'Khurshida', 'Mavluda', 'Rano', 'Gulnoza', 'Diyora', 'Ozoda',
    ],
    lastNames: [
      'Karimov', 'Rakhimov', 'Yusupov', 'Abdullayev', 'Aliyev', 'Usmonov', 'Rashidov', 'Saidov', 'Nazarov',
      'Ergashev', 'Mirzayev', 'Khodjayev', 'Sultanov', 'Ismoilov', 'Tursunov', 'Nurmatov', 'Qodirov', 'Umarov',
      'Sobirov', 'Jurayev', 'Kholmatov', 'Akhmedov', 'Olimov', 'Rustamov', 'Safarov', 'Haydarov', 'Sharipov', 'Yuldashev',
    ],
    femaleSuffix: 'a',
    cities: [
      ['Tashkent', 45], ['Samarkand', 15], ['Namangan', 8], ['Andijan', 8], ['Bukhara', 8], ['Fergana', 8],
      ['Nukus', 4], ['Qarshi', 4],
    ],
    providers: [['gmail.com', 45], ['mail.ru', 35], ['yandex.ru', 10], ['inbox.ru', 5], ['umail.uz', 5]],
    phone: { cc: '998', length: 9, groups: [2, 3, 2, 2], prefixes: ['90', '91', '93', '94', '95', '97', '98', '99', '33', '88', '77'] },
  },
  {
    code: 'AZ', weight: 8, utcOffsetHours: 4, translit: 'turkic',
    maleNames: [
      'Elnur', 'Elvin', 'Rəşad', 'Orxan', 'Tural', 'Ramin', 'Fərid', 'Kamran', 'Emin', 'Anar', 'Rauf', 'İlkin',
      'Vüqar', 'Nicat', 'Samir', 'Ruslan', 'Toğrul', 'Cavid', 'Murad', 'Nurlan', 'Elşən', 'Hüseyn', 'Əli',
      'Məhəmməd', 'Rüfət', 'Şahin', 'Zaur', 'Faiq', 'İlham', 'Ceyhun', 'Namiq', 'Aqil',
    ],
    femaleNames: [
      'Aysel', 'Günay', 'Leyla', 'Nigar', 'Sevinc', 'Aynur', 'Nərmin', 'Gülnar', 'Lalə', 'Aygün', 'Səbinə', 'Xədicə',
      'Zəhra', 'Fidan', 'Nərgiz', 'Ülviyyə', 'Könül', 'Şəhla', 'Pərvin', 'Türkan', 'Aytən', 'Samirə', 'Günel',
      'Rena', 'Sevda', 'Afaq', 'Vüsalə', 'Cəmilə', 'Nəzrin', 'Lamiyə', 'İlahə',
    ],
    lastNames: [
      'Məmmədov', 'Əliyev', 'Həsənov', 'Hüseynov', 'Quliyev', 'İsmayılov', 'Abbasov', 'Bağırov', 'Cəfərov',
      'Rzayev', 'Musayev', 'Süleymanov', 'Nəsirov', 'Kərimov', 'Əhmədov', 'Orucov', 'Mehdiyev', 'Zeynalov',
      'Qasımov', 'Səfərov', 'Vəliyev', 'Rəhimov', 'Mustafayev', 'Nəbiyev', 'Allahverdiyev',
    ],
    femaleSuffix: 'a',
    cities: [['Bakı', 65], ['Gəncə', 10], ['Sumqayıt', 10], ['Mingəçevir', 5], ['Lənkəran', 5], ['Şəki', 5]],
    providers: [['gmail.com', 50], ['mail.ru', 25], ['box.az', 10], ['yahoo.com', 8], ['outlook.com', 7]],
    phone: { cc: '994', length: 9, groups: [2, 3, 2, 2], prefixes: ['50', '51', '55', '70', '77', '99', '10'] },
  },
  {
    code: 'DE', weight: 12, utcOffsetHours: 1, translit: 'german',
    maleNames: [
      'Lukas', 'Leon', 'Finn', 'Jonas', 'Paul', 'Felix', 'Maximilian', 'Elias', 'Noah', 'Ben', 'Luis', 'Julian',
      'Tim', 'Jan', 'Niklas', 'Moritz', 'Alexander', 'David', 'Simon', 'Tobias', 'Florian', 'Sebastian', 'Daniel',
      'Michael', 'Thomas', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Matthias', 'Jürgen', 'Klaus', 'Uwe', 'Wolfgang',
    ],
    femaleNames: [
      'Anna', 'Emma', 'Mia', 'Hannah', 'Sophie', 'Lena', 'Laura', 'Lea', 'Marie', 'Julia', 'Lisa', 'Sarah',
      'Katharina', 'Johanna', 'Clara', 'Charlotte', 'Luisa', 'Nina', 'Jana', 'Sabine', 'Petra', 'Claudia', 'Monika',
      'Andrea', 'Susanne', 'Birgit', 'Ursula', 'Karin', 'Stefanie', 'Melanie', 'Jessica', 'Franziska',
    ],
    lastNames: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
      'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
      'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann',
    ],
    femaleSuffix: '',
    cities: [
      ['Berlin', 20], ['Hamburg', 10], ['München', 10], ['Köln', 8], ['Frankfurt am Main', 7], ['Stuttgart', 6],
      ['Düsseldorf', 5], ['Dortmund', 5], ['Essen', 5], ['Leipzig', 5], ['Bremen', 4], ['Dresden', 4],
      ['Hannover', 4], ['Nürnberg', 4],
    ],
    providers: [['gmail.com', 25], ['gmx.de', 22], ['web.de', 22], ['t-online.de', 12], ['outlook.de', 8], ['yahoo.de', 6], ['icloud.com', 5]],
    phone: {
      cc: '49', length: 11, groups: [3, 4, 4],
      prefixes: ['151', '152', '157', '159', '160', '162', '163', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'],
    },
  },
  {
    code: 'GB', weight: 7, utcOffsetHours: 0, translit: 'german',
    maleNames: [
      'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William', 'James', 'Henry',
      'Leo', 'Alfie', 'Joshua', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Alexander', 'Joseph', 'Samuel', 'Daniel',
      'Max', 'Lucas', 'Mohammed', 'Benjamin', 'Matthew', 'David', 'Paul', 'Mark', 'Andrew', 'Richard', 'Stephen',
    ],
    femaleNames: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Isabella', 'Mia', 'Poppy', 'Ella', 'Lily', 'Sophie', 'Grace',
      'Evie', 'Freya', 'Charlotte', 'Jessica', 'Chloe', 'Ruby', 'Sophia', 'Alice', 'Lucy', 'Emma', 'Hannah', 'Sarah',
      'Rebecca', 'Laura', 'Rachel', 'Claire', 'Helen', 'Karen', 'Susan', 'Elizabeth',
    ],
    lastNames: [
      'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
      'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
      'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Khan',
    ],
    femaleSuffix: '',
    cities: [
      ['London', 35], ['Birmingham', 10], ['Manchester', 10], ['Leeds', 7], ['Glasgow', 7], ['Liverpool', 6],
      ['Bristol', 6], ['Sheffield', 5], ['Edinburgh', 5], ['Leicester', 5], ['Cardiff', 4],
    ],
    providers: [['gmail.com', 40], ['hotmail.co.uk', 14], ['outlook.com', 12], ['icloud.com', 12], ['yahoo.co.uk', 10], ['btinternet.com', 7], ['sky.com', 5]],
    phone: { cc: '44', length: 10, groups: [4, 6], prefixes: ['74', '75', '77', '78', '79'] },
  },
  {
    code: 'US', weight: 6, utcOffsetHours: -5, translit: 'german',
    maleNames: [
      'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher',
      'Charles', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Andrew', 'Joshua', 'Kevin', 'Brian',
      'Ryan', 'Jacob', 'Tyler', 'Ethan', 'Noah', 'Liam', 'Mason', 'Logan', 'Jose', 'Carlos', 'Luis',
    ],
    femaleNames: [
      'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Lisa',
      'Nancy', 'Betty', 'Ashley', 'Emily', 'Madison', 'Olivia', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Abigail',
      'Megan', 'Hannah', 'Samantha', 'Rachel', 'Lauren', 'Maria', 'Gabriela', 'Nicole', 'Amanda', 'Stephanie',
    ],
    lastNames: [
      'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
      'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
      'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Nguyen', 'Kim',
    ],
    femaleSuffix: '',
    cities: [
      ['New York', 20], ['Los Angeles', 12], ['Chicago', 10], ['Houston', 8], ['Dallas', 5], ['Phoenix', 5],
      ['Philadelphia', 5], ['San Antonio', 4], ['San Diego', 4], ['Austin', 4], ['Seattle', 4], ['Boston', 4],
      ['Miami', 4], ['Atlanta', 4], ['San Jose', 3],
    ],
    providers: [['gmail.com', 50], ['yahoo.com', 15], ['icloud.com', 12], ['outlook.com', 10], ['hotmail.com', 8], ['aol.com', 5]],
    // Area codes by city, in the order of `cities` above.
    phone: {
      cc: '1', length: 10, groups: [3, 3, 4],
      prefixes: ['212', '213', '312', '713', '214', '602', '215', '210', '619', '512', '206', '617', '305', '404', '408'],
    },
  },
];

/** Share of Germany's customers with Turkish names (the diaspora shops at TuranMart too). */
export const DE_TURKISH_NAME_SHARE = 0.22;

const TURKIC_MAP: Readonly<Record<string, string>> = {
  ç: 'c', Ç: 'C', ğ: 'g', Ğ: 'G', ı: 'i', İ: 'I', ö: 'o', Ö: 'O', ş: 's', Ş: 'S', ü: 'u', Ü: 'U', ə: 'e', Ə: 'E',
  â: 'a', î: 'i', û: 'u',
};
const GERMAN_MAP: Readonly<Record<string, string>> = {
  ä: 'ae', Ä: 'Ae', ö: 'oe', Ö: 'Oe', ü: 'ue', Ü: 'Ue', ß: 'ss',
};

const NON_ASCII = /[^\x00-\x7f]/;

/** ASCII spelling with case kept: `Yılmaz` → `Yilmaz` (turkic), `Müller` → `Mueller` (german). */
export function asciiFold(s: string, translit: 'turkic' | 'german'): string {
  if (!NON_ASCII.test(s)) return s;
  const map = translit === 'german' ? GERMAN_MAP : TURKIC_MAP;
  let out = '';
  for (const ch of s) out += map[ch] ?? ch;
  return out;
}

/** The email-safe form of a name part: ASCII, lower-case, letters only. */
export function emailPart(s: string, translit: 'turkic' | 'german'): string {
  return asciiFold(s, translit).replace(/[^A-Za-z]/g, '').toLowerCase();
}

/** Values typed when the real one is unknown or for tests; never produced by the natural generators. */
export const PLACEHOLDER_EMAILS = { noEmail: 'noemail@turanmart.com', test: 'test@test.com' } as const;
export const PLACEHOLDER_PHONE_TR = '0000000000';
export const PLACEHOLDER_LOYALTY = 'LOY00000000';
