"""Social-economy transition (DOne, seed 003; TRN-01..17): a worker of a social-economy company
moves to the regular labour market — referral, intake, assessment centre, transition plan,
application actions, work measures (BVS, TBS, IBO, ACTIVA), follow-up and KPIs."""
