export type SkillCategory =
  | 'language' | 'frontend' | 'backend' | 'mobile' | 'database' | 'cloud' | 'devops' | 'data' | 'ai_ml'
  | 'testing' | 'security' | 'tooling' | 'methodology' | 'architecture' | 'soft' | 'design' | 'systems'
  | 'platform';

/**
 * How sure a spelling is to mean the skill when it appears in running prose:
 * - 'always': unambiguous ("kubernetes", "postgresql").
 * - 'cased': an ordinary word too ("react", "express", "spring"): counted in prose only when written
 *   with a capital ("React"), always in a skills section or a list.
 * - 'listed': too ambiguous for prose ("go", "r", "c", "rest", "make"): only in a skills section or a list.
 */
export type SpellingTrust = 'always' | 'cased' | 'listed';

export interface SkillEntry {
  /** Canonical name: lower-case, the form stored and compared. */
  name: string;
  category: SkillCategory;
  /** Other spellings, lower-case (the canonical name is not repeated). */
  aliases: readonly string[];
}

export interface SkillSpelling {
  spelling: string;
  skill: SkillEntry;
  trust: SpellingTrust;
}

/*
 * One entry per line: canonical|alias|alias. A leading ^ marks a 'cased' spelling and ! a 'listed'
 * one (see SpellingTrust); the marker belongs to that spelling only.
 */
const RAW: Record<SkillCategory, string> = {
  language: `
    javascript|js|ecmascript|es6|es2015|vanilla js|vanilla javascript
    typescript|ts
    python|py|python3|python 3
    java|java 8|java 11|java 17|core java
    !c|c language|ansi c|c99|c11
    cpp|c++|cplusplus|c plus plus|c++11|c++14|c++17|c++20
    csharp|c#|c sharp|c-sharp
    !go|golang|go lang
    ^rust|rustlang
    ruby
    php|php7|php 8
    ^swift|swift 5
    kotlin
    scala
    !r|r language|rlang|r programming
    perl
    lua
    haskell
    ^elixir
    erlang
    clojure|clojurescript
    fsharp|f#|f sharp
    ocaml
    ^dart
    ^julia
    matlab
    objective-c|objc|objective c|obj-c
    visual basic|vb
    vb.net|vbnet
    vba
    !assembly|assembly language|asm|x86 assembly|arm assembly
    cobol
    fortran
    ^pascal|object pascal
    ^delphi
    groovy
    bash|bash scripting
    shell scripting|shell scripts|!shell|unix shell
    powershell|power shell
    sql|ansi sql
    pl/sql|plsql
    t-sql|tsql|transact-sql
    solidity
    zig
    ^crystal
    ^elm
    purescript
    racket
    ^scheme
    lisp|common lisp
    prolog
    abap
    ^apex|salesforce apex
    coffeescript
    webassembly|wasm
    html|html5
    css|css3
    sass|scss
    !less|less.js|lesscss
    graphql|graph ql
    vhdl
    verilog|systemverilog
    cuda
    opencl
    awk
    tcl
    !ada
    smalltalk
    ^nim
    hcl
    jsx|tsx
    yaml|yml
    json
    xml
    regex|regular expressions
  `,
  frontend: `
    ^react|react.js|reactjs|react js|react 18
    angular|angular 2+|angular2|angular 15
    angularjs|angular.js|angular 1
    vue|vue.js|vuejs|vue 3|vue2|vue 2|vue3
    svelte|sveltekit
    next.js|nextjs|!next|next js
    nuxt|nuxt.js|nuxtjs
    gatsby|gatsby.js|gatsbyjs
    ^remix|remix.run
    ^ember|ember.js|emberjs
    backbone.js|backbonejs|^backbone
    jquery
    redux|redux toolkit|rtk|redux-saga|redux saga
    mobx
    zustand
    ^recoil
    rxjs
    ngrx
    webpack
    vite|vitejs
    rollup|rollup.js
    ^parcel
    babel|babel.js
    esbuild
    tailwind css|tailwind|tailwindcss
    ^bootstrap|bootstrap 5|twitter bootstrap
    material ui|mui|material-ui|angular material
    chakra ui|chakra-ui
    ant design|antd
    styled-components|styled components
    storybook
    three.js|threejs
    d3.js|d3|d3js
    chart.js|chartjs
    web components|custom elements
    pwa|progressive web apps|progressive web app
    responsive design|responsive web design|mobile-first design
    accessibility|a11y|web accessibility
    wcag
    webgl
    preact
    solidjs|solid.js
    alpine.js|alpinejs
    htmx
    ^lit|lit element|lit-element
    qwik
    ^astro|astro.js
    micro frontends|micro-frontends|microfrontends|module federation
    server-side rendering|ssr|server side rendering
    single page applications|single page application|!spa|spas
    web performance|core web vitals|frontend performance
    seo|search engine optimization|search engine optimisation
    html canvas|canvas api
    web workers|service workers
    react query|tanstack query
    react router
    formik
    react hook form
    i18n|internationalization|internationalisation
    css modules
    postcss
    dom manipulation|dom
    ajax
  `,
  backend: `
    ^node|node.js|nodejs|node js
    ^express|express.js|expressjs
    nestjs|nest.js|!nest
    ^koa|koa.js|koajs
    fastify
    ^hapi|hapi.js
    django|django rest framework|drf
    ^flask
    fastapi|fast api
    celery
    !spring|spring framework|spring mvc|spring cloud|spring security
    spring boot|springboot|spring-boot
    hibernate
    jpa
    ruby on rails|^rails|ror|rails 7
    ^sinatra
    laravel
    symfony
    codeigniter
    asp.net|asp.net core|asp.net mvc|aspnet
    dotnet|.net|.net core|.net framework|dot net|.net 6|.net 8
    entity framework|ef core|entity framework core
    blazor
    !gin|gin-gonic
    actix|actix-web
    ^phoenix|phoenix framework
    grpc|g-rpc
    ^rest|rest api|rest apis|restful|restful api|restful apis|restful services|restful web services
    apollo|apollo graphql|apollo server|apollo client
    websockets|websocket|web sockets
    socket.io|socketio
    soap|soap web services
    openapi|open api
    swagger
    oauth|oauth2|oauth 2.0|openid connect|oidc
    jwt|json web tokens|json web token
    rabbitmq|rabbit mq
    kafka|apache kafka|kafka streams
    activemq|apache activemq
    ^nats
    zeromq|zmq
    nginx
    apache http server|apache httpd|httpd|apache2
    tomcat|apache tomcat
    iis
    api design|api development
    sidekiq
    trpc
    prisma
    typeorm
    sequelize
    sqlalchemy
    mongoose
    knex|knex.js
    deno
    !bun|bun.js
    jakarta ee|java ee|j2ee
    micronaut
    quarkus
    vert.x|vertx
    play framework
    ^akka
    ktor
    struts|apache struts
    servlets|jsp
    mvc
    twirp
    protobuf|protocol buffers
    thrift|apache thrift
    webhooks
    server-sent events|sse
    hasura
    strapi
  `,
  mobile: `
    react native|react-native|reactnative
    flutter
    android|android development|android sdk
    ios|ios development|ios sdk
    swiftui
    uikit
    jetpack compose
    xamarin
    ^ionic|ionic framework
    cordova|phonegap|apache cordova
    ^expo
    kotlin multiplatform|kmp
    xcode
    android studio
    mobile development|mobile app development
    ^capacitor
    nativescript
    core data
    room database
    ^realm
    fastlane
    app store connect
    push notifications|firebase cloud messaging|fcm
  `,
  database: `
    postgresql|postgres|psql|postgre sql|pgsql|postgre
    mysql
    mariadb
    sqlite
    ^oracle|oracle database|oracle db
    sql server|microsoft sql server|mssql|ms sql server|ms sql
    mongodb|mongo|mongo db
    redis
    ^cassandra|apache cassandra
    dynamodb|dynamo db|amazon dynamodb
    couchdb
    couchbase
    neo4j
    elasticsearch|elastic search
    opensearch
    solr|apache solr
    firestore|cloud firestore
    cosmos db|cosmosdb|azure cosmos db
    ^snowflake
    bigquery|google bigquery|big query
    redshift|amazon redshift
    clickhouse
    cockroachdb
    timescaledb
    influxdb
    hbase
    db2|ibm db2
    teradata
    supabase
    pinecone
    weaviate
    milvus
    pgvector
    vector databases|vector database|vector db
    nosql
    database design|database modelling|database modeling|schema design
    query optimization|query optimisation|sql tuning
    stored procedures
    etcd
    memcached
    ^aurora|amazon aurora
    rds|amazon rds
    duckdb
    sybase
    ms access|microsoft access
    indexing strategies|database indexing
    database replication|!replication
  `,
  cloud: `
    aws|amazon web services
    azure|microsoft azure
    gcp|google cloud|google cloud platform
    ec2|amazon ec2
    s3|amazon s3
    aws lambda|!lambda|lambda functions
    ecs|amazon ecs
    eks|amazon eks
    fargate|aws fargate
    cloudformation|aws cloudformation
    cloudfront|amazon cloudfront
    route 53|route53
    sqs|amazon sqs
    sns|amazon sns
    api gateway|aws api gateway|amazon api gateway
    iam|aws iam
    cloudwatch|amazon cloudwatch
    step functions|aws step functions
    aws cdk|cdk
    aws sam|serverless application model
    elastic beanstalk
    kinesis|amazon kinesis
    aws glue|!glue
    ^athena|amazon athena
    sagemaker|amazon sagemaker
    azure devops|vsts
    azure functions
    aks|azure kubernetes service
    azure app service
    azure active directory|azure ad|entra id
    azure blob storage
    gke|google kubernetes engine
    cloud run|google cloud run
    cloud functions|google cloud functions
    app engine|google app engine
    firebase
    heroku
    vercel
    netlify
    digitalocean|digital ocean
    cloudflare|cloudflare workers
    openstack
    multi-cloud|multicloud
    cloud architecture|cloud computing|cloud native|cloud-native
    vpc|virtual private cloud
    load balancing|load balancer|load balancers|elb|alb
    cdn|content delivery network
    ibm cloud
    oracle cloud|oci
    alibaba cloud
    pub/sub|pubsub|google pub/sub
    serverless|serverless framework
    aws amplify
    cognito|amazon cognito
    eventbridge|amazon eventbridge
    secrets manager|aws secrets manager
  `,
  devops: `
    docker|dockerfile|dockerfiles
    kubernetes|k8s
    ^helm|helm charts
    terraform
    ansible
    ^chef|chef infra
    ^puppet
    saltstack|!salt
    jenkins|jenkins pipelines
    github actions
    gitlab ci|gitlab ci/cd|gitlab-ci|gitlab pipelines
    circleci|circle ci
    travis ci|travisci
    teamcity
    ^bamboo|atlassian bamboo
    argo cd|argocd|argo
    fluxcd|!flux
    spinnaker
    ci/cd|cicd|ci-cd|ci cd|continuous integration|continuous delivery|continuous deployment
    prometheus
    grafana
    datadog
    new relic|newrelic
    splunk
    elk|elk stack|elastic stack
    logstash
    kibana
    fluentd|fluent bit
    jaeger
    opentelemetry|otel
    ^sentry
    pagerduty
    nagios
    zabbix
    vagrant
    ^packer|hashicorp packer
    consul|hashicorp consul
    hashicorp vault|^vault
    istio
    linkerd
    ^envoy|envoy proxy
    openshift|red hat openshift
    ^rancher
    podman
    containerd
    docker compose|docker-compose
    docker swarm
    pulumi
    crossplane
    infrastructure as code|iac
    gitops
    sre|site reliability engineering
    devops
    devsecops
    observability
    kustomize
    skaffold
    tekton
    octopus deploy
    nexus|sonatype nexus
    artifactory|jfrog artifactory|jfrog
    systemd
    incident management|on-call|incident response
    blue-green deployment|blue/green deployments|canary releases|canary deployments
    feature flags|launchdarkly
    chaos engineering
    capacity planning
    release management
    configuration management
  `,
  data: `
    ^spark|apache spark|spark sql
    pyspark
    hadoop|apache hadoop|hdfs|mapreduce
    ^hive|apache hive
    airflow|apache airflow
    dbt|data build tool
    flink|apache flink
    apache beam|!beam
    databricks
    etl|etl pipelines|etl processes
    elt
    data warehousing|data warehouse|data warehouses|dwh
    data lake|data lakes|data lakehouse|lakehouse
    data pipelines|data pipeline
    data modeling|data modelling|dimensional modeling|dimensional modelling|star schema
    pandas
    numpy
    scipy
    polars
    dask
    matplotlib
    seaborn
    plotly
    tableau
    power bi|powerbi|microsoft power bi
    looker|looker studio|google data studio
    metabase
    superset|apache superset
    qlik|qlikview|qlik sense
    ^excel|microsoft excel|ms excel|advanced excel
    google sheets
    ^sas|sas programming
    spss|ibm spss
    stata
    jupyter|jupyter notebook|jupyter notebooks|jupyterlab
    dagster
    ^prefect
    fivetran
    airbyte
    informatica
    talend
    ssis
    ssrs
    nifi|apache nifi
    presto
    trino
    delta lake
    ^iceberg|apache iceberg
    parquet|apache parquet
    ^avro|apache avro
    data governance
    data quality
    data analysis|data analytics
    statistics|statistical analysis
    a/b testing|ab testing|split testing|experimentation
    business intelligence|!bi
    dataflow|google dataflow
    bigtable|cloud bigtable
    big data
    data visualization|data visualisation
    data engineering
    stream processing|streaming data|real-time data processing
    batch processing
    data mining
    data cleaning|data wrangling
    kafka connect
    debezium|change data capture|cdc
    great expectations
  `,
  ai_ml: `
    machine learning|^ml
    deep learning
    artificial intelligence|^ai
    natural language processing|nlp
    computer vision
    tensorflow|tensor flow
    pytorch|^torch
    keras
    scikit-learn|sklearn|scikit learn|scikit
    xgboost
    lightgbm
    catboost
    hugging face|huggingface|hugging face transformers
    langchain|lang chain
    llamaindex|llama index|llama-index
    openai api|^openai|gpt-4|gpt-3.5|chatgpt api
    llm|llms|large language models|large language model
    generative ai|genai|gen ai
    prompt engineering
    ^rag|retrieval augmented generation|retrieval-augmented generation
    fine-tuning|fine tuning|llm fine-tuning
    reinforcement learning
    mlops|ml ops
    mlflow
    kubeflow
    opencv
    ^spacy
    nltk
    gensim
    ^bert
    stable diffusion
    yolo
    onnx
    tensorrt
    ^jax
    vertex ai|google vertex ai
    azure machine learning|azure ml
    amazon bedrock|^bedrock
    feature engineering
    time series|time series analysis|time-series|time series forecasting|forecasting
    recommendation systems|recommender systems|recommendation engines
    neural networks|neural network
    cnn|cnns|convolutional neural networks
    rnn|rnns|recurrent neural networks
    lstm
    vector search|semantic search
    anomaly detection
    predictive modeling|predictive modelling|predictive analytics
    data science
    statistical modeling|statistical modelling
    speech recognition|asr
    ocr|optical character recognition
    embeddings|text embeddings
    classification models
    regression analysis
    clustering
    model deployment|model serving
    ai agents|agentic ai|llm agents
    ollama
    vllm
    weights & biases|wandb
  `,
  testing: `
    ^jest
    ^mocha
    ^chai
    ^jasmine
    ^karma
    vitest
    ^cypress|cypress.io
    ^playwright
    selenium|selenium webdriver
    webdriverio|wdio
    puppeteer
    testing library|react testing library|@testing-library
    ^enzyme
    junit|junit5|junit 5
    testng
    mockito
    pytest
    rspec
    capybara
    ^cucumber
    gherkin
    bdd|behavior-driven development|behaviour-driven development|behavior driven development
    tdd|test-driven development|test driven development
    unit testing|unit tests|unit test
    integration testing|integration tests
    end-to-end testing|e2e testing|e2e tests|end-to-end tests|e2e
    postman
    soapui
    jmeter|apache jmeter
    k6
    gatling
    ^locust
    appium
    ^detox
    ^espresso
    xctest
    test automation|automated testing|automation testing
    manual testing
    performance testing|load testing|stress testing
    !qa|quality assurance|software quality assurance
    sonarqube|sonar
    pact|pact.io
    contract testing|contract tests|consumer-driven contracts
    regression testing|regression tests|regression test
    api testing
    testrail
    browserstack
    sauce labs
    nunit
    xunit
    phpunit
    mutation testing|stryker
    snapshot testing
    visual regression testing
    test planning|test strategy
    robot framework
    katalon
    supertest
    msw|mock service worker
    sinon|sinon.js
  `,
  security: `
    owasp|owasp top 10
    penetration testing|pentesting|pen testing|pentest
    saml
    sso|single sign-on|single sign on
    encryption|cryptography
    ssl/tls|tls|ssl
    burp suite|burp
    metasploit
    nmap
    wireshark
    siem
    soc 2|soc2
    iso 27001
    gdpr
    pci dss|pci-dss|pci compliance
    hipaa
    vulnerability management|vulnerability assessment|vulnerability scanning
    zero trust
    keycloak
    auth0
    okta
    cybersecurity|cyber security|information security|infosec|application security|appsec
    threat modeling|threat modelling
    secure coding
    snyk
    veracode
    checkmarx
    rbac|role-based access control
    identity and access management
    network security
    security audits|security auditing
  `,
  tooling: `
    git|git flow|gitflow
    github
    gitlab
    bitbucket
    jira|atlassian jira
    confluence
    trello
    ^asana
    ^notion
    ^slack
    svn|subversion
    mercurial
    vs code|vscode|visual studio code
    visual studio
    intellij|intellij idea
    ^eclipse
    ^vim|neovim
    emacs
    npm
    ^yarn
    pnpm
    !pip|pip3
    ^poetry
    conda|anaconda
    maven|apache maven
    gradle
    apache ant|!ant
    !make|makefile|makefiles|gnu make
    cmake
    bazel
    figma
    miro
    lucidchart
    draw.io
    microsoft office|ms office|office 365|microsoft 365
    google workspace|g suite
    eslint
    prettier
    lerna
    nx|nrwl nx
    turborepo
    homebrew
    ssh
    curl
    linear app
    clickup
    monday.com
    zendesk
    servicenow
    datagrip
    dbeaver
    pgadmin
    chrome devtools|devtools
  `,
  methodology: `
    agile|agile methodologies|agile methodology|agile development
    ^scrum|scrum master
    kanban
    ^lean|lean methodology
    !safe|scaled agile|scaled agile framework
    ^waterfall
    extreme programming|!xp
    pair programming|mob programming
    code review|code reviews
    design patterns|gang of four
    !solid|solid principles
    oop|object-oriented programming|object oriented programming|object-oriented design|ood
    functional programming|!fp
    clean code
    sdlc|software development life cycle|software development lifecycle
    itil
    six sigma|lean six sigma
    prince2
    pmp
    okrs|okr
    design thinking
    product management
    project management
    stakeholder management
    requirements gathering|requirements analysis|business analysis
    data structures|data structures and algorithms|dsa
    algorithms
    multithreading|concurrency|concurrent programming
    performance optimization|performance optimisation|performance tuning
    debugging
    troubleshooting
    refactoring
    technical writing|technical documentation
    jobs to be done|jtbd
    user stories
    sprint planning
    continuous improvement|kaizen
    trunk-based development|trunk based development
    semantic versioning|semver
    twelve-factor app|12-factor
  `,
  architecture: `
    microservices|microservice|micro-services|microservices architecture
    event-driven architecture|event driven architecture|event-driven|eda
    domain-driven design|domain driven design|ddd
    cqrs
    event sourcing
    message queues|message queue|message brokers|message broker
    system design
    distributed systems
    high availability|fault tolerance
    software architecture|solution architecture|solutions architecture
    clean architecture
    hexagonal architecture|ports and adapters
    modular monolith
    service mesh
    api gateway pattern
    caching|cache invalidation
    horizontal scaling|scalability engineering
    serverless architecture
    soa|service-oriented architecture
    event streaming
    rate limiting
    sharding|database sharding
    consistent hashing
    idempotency
    saga pattern
    circuit breaker
    cap theorem
    eventual consistency
    multi-tenancy|multitenancy|multi-tenant
  `,
  soft: `
    leadership|technical leadership|team leadership|tech lead
    !communication|communication skills|written communication|verbal communication
    teamwork|team player
    !collaboration|cross-functional collaboration|cross functional collaboration
    problem solving|problem-solving
    critical thinking
    time management
    mentoring|mentorship|coaching
    public speaking
    negotiation
    adaptability
    attention to detail
    conflict resolution
    people management|line management
    customer service
    presentation skills|!presentations
    decision making|decision-making
    analytical skills|analytical thinking
    emotional intelligence
    strategic planning
    budgeting|budget management
    vendor management
    client management|client relations|client-facing
  `,
  design: `
    ui design|user interface design|ui/ux|ui ux
    ux design|user experience|ux|user experience design
    ^sketch|sketch app
    adobe xd
    photoshop|adobe photoshop
    ^illustrator|adobe illustrator
    indesign|adobe indesign
    after effects|adobe after effects
    premiere pro|adobe premiere
    adobe creative suite|adobe creative cloud
    wireframing|wireframes
    prototyping|prototypes
    user research|usability testing
    design systems|design system
    interaction design
    invision
    framer
    zeplin
    typography
    motion design
    information architecture
    ^blender
    canva
  `,
  systems: `
    linux|gnu/linux
    unix
    windows server
    macos|mac os|os x
    ubuntu
    centos
    red hat|rhel|red hat enterprise linux
    debian
    linux administration|linux system administration|system administration|sysadmin
    tcp/ip|tcp|udp
    dns
    networking|computer networking
    vpn
    firewalls|firewall
    ^cisco|cisco ios
    routing and switching
    ccna
    active directory
    vmware|vsphere|esxi
    hyper-v
    virtualization|virtualisation
    embedded systems|embedded software|firmware
    rtos|freertos
    arduino
    raspberry pi
    iot|internet of things
    mqtt
    fpga
    blockchain
    ethereum
    web3|web3.js
    smart contracts
    ^unity|unity3d
    unreal engine|^unreal
    game development|gamedev
    opengl
    vulkan
    directx
    kernel development|linux kernel
    ebpf
    http/2|http2
    grpc-web
    bluetooth|ble
    posix
    compilers|compiler design
    operating systems
    nfs
    storage area network
    backup and recovery|disaster recovery
  `,
  platform: `
    wordpress
    drupal
    joomla
    shopify
    magento
    woocommerce
    contentful
    ^sanity|sanity.io
    salesforce|salesforce crm|sfdc
    ^sap|sap erp|sap s/4hana
    dynamics 365|microsoft dynamics
    hubspot
    ^stripe|stripe api
    paypal
    twilio
    sendgrid
    zapier
    sharepoint
    power automate|microsoft flow
    power apps|powerapps
    mulesoft
    netsuite
    odoo
    google analytics|ga4
    google tag manager
    mailchimp
    !segment
    mixpanel
    ^amplitude
    algolia
    firebase auth|firebase authentication
    braintree
    ^plaid
    webflow
    airtable
  `,
};

function parseTaxonomy(): { entries: SkillEntry[]; spellings: SkillSpelling[]; conflicts: string[] } {
  const entries: SkillEntry[] = [];
  const spellings: SkillSpelling[] = [];
  const conflicts: string[] = [];
  const seen = new Map<string, string>();
  for (const [category, block] of Object.entries(RAW) as Array<[SkillCategory, string]>) {
    for (const line of block.split('\n')) {
      const names = line.trim().split('|').map((n) => n.trim()).filter(Boolean);
      if (names.length === 0) continue;
      const marked = names.map((raw) => {
        const trust: SpellingTrust = raw.startsWith('!') ? 'listed' : raw.startsWith('^') ? 'cased' : 'always';
        return { spelling: raw.replace(/^[!^]/, '').toLowerCase(), trust };
      });
      const skill: SkillEntry = {
        name: marked[0]!.spelling,
        category,
        aliases: marked.slice(1).map((m) => m.spelling),
      };
      // The first entry to claim a spelling keeps it: later duplicates are ignored, never merged.
      const own = marked.filter((m) => {
        if (seen.has(m.spelling)) {
          conflicts.push(`${m.spelling} (${skill.name} and ${seen.get(m.spelling)})`);
          return false;
        }
        seen.set(m.spelling, skill.name);
        return true;
      });
      if (own.length === 0 || own[0]!.spelling !== skill.name) continue;
      entries.push(skill);
      for (const m of own) spellings.push({ spelling: m.spelling, skill, trust: m.trust });
    }
  }
  return { entries, spellings, conflicts };
}

const parsed = parseTaxonomy();

/** Every canonical skill, in the order listed. */
export const SKILLS: readonly SkillEntry[] = parsed.entries;

/** Every spelling (canonical names and aliases) with its skill and how far it can be trusted in prose. */
export const SKILL_SPELLINGS: readonly SkillSpelling[] = parsed.spellings;

/** Spellings listed twice in the source table; a test keeps this empty. */
export const TAXONOMY_CONFLICTS: readonly string[] = parsed.conflicts;

const BY_SPELLING = new Map(SKILL_SPELLINGS.map((s) => [s.spelling, s]));
const BY_NAME = new Map(SKILLS.map((s) => [s.name, s]));

/** The taxonomy entry a spelling (any case, surrounding blanks ignored) stands for. */
export const lookupSkill = (spelling: string): SkillEntry | undefined =>
  BY_SPELLING.get(spelling.trim().toLowerCase().replace(/\s+/g, ' '))?.skill;

export const skillByName = (name: string): SkillEntry | undefined => BY_NAME.get(name);

export const categoryOf = (name: string): SkillCategory | undefined => BY_NAME.get(name)?.category;
