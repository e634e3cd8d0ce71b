-- The three built-in segment schemes, version 1, written for 5 bins. docs/scoring.md explains each
-- rule and where its words come from. Built-in versions never change (trigger in 0001): a
-- correction is a new version in a new migration.

-- pos8: the POS report's 8 segments (seed 000), in the order its rules are evaluated. The rules
-- leave gaps (e.g. R=3 with F<=2 and M<=1) and overlaps (Loyal Customers contains Champions);
-- they are kept exactly as written: first match wins, the gaps fall to "Others".
WITH scheme AS (
    INSERT INTO scoring.segment_schemes (business_id, key, version, name, description, bins,
                                         fallback_name, fallback_code, fallback_description, fallback_actions)
    VALUES (NULL, 'pos8', 1, 'POS 8 segments',
            'The 8 RFM segments of the POS customer segmentation report.', 5,
            'Others', 'OTHERS', 'Customers that match none of the 8 segment rules.',
            ARRAY['Review individually', 'Include in general campaigns'])
    RETURNING id
)
INSERT INTO scoring.segment_rules (scheme_id, position, name, code, description, recommended_actions,
                                   r_min, r_max, f_min, f_max, m_min, m_max)
SELECT scheme.id, rule.*
FROM scheme, (VALUES
    (1::smallint, 'Champions', 'R5F5M5', 'Recent, frequent, high spenders',
        ARRAY['Offer VIP loyalty perks', 'Invite to referral programs', 'Early access to new collections'],
        4::smallint, 5::smallint, 4::smallint, 5::smallint, 4::smallint, 5::smallint),
    (2::smallint, 'Loyal Customers', 'R4F4M4', 'Regular buyers with solid spend',
        ARRAY['Cross-sell related products', 'Offer exclusive deals', 'Ask for feedback'],
        3::smallint, 5::smallint, 3::smallint, 5::smallint, 3::smallint, 5::smallint),
    (3::smallint, 'Potential Loyalists', 'R4F2M3', 'Recent customers buying more often',
        ARRAY['Run nurture campaigns', 'Send product education', 'Offer incentives for the next purchase'],
        4::smallint, 5::smallint, 2::smallint, 3::smallint, 2::smallint, 5::smallint),
    (4::smallint, 'Promising', 'R3F2M2', 'Fairly recent customers with a few modest purchases',
        ARRAY['Encourage a repeat purchase', 'Offer discounts'],
        3::smallint, 3::smallint, 2::smallint, 2::smallint, 2::smallint, 3::smallint),
    (5::smallint, 'At Risk', 'R2F2M3', 'Valuable customers who have not bought for a while',
        ARRAY['Send win-back offers', 'Run churn prevention', 'Send satisfaction surveys'],
        1::smallint, 2::smallint, 2::smallint, 5::smallint, 3::smallint, 5::smallint),
    (6::smallint, 'Need Attention', 'R2F3M3', 'Frequent but lapsing customers with low spend',
        ARRAY['Send re-engagement emails', 'Send loyalty reminders'],
        1::smallint, 2::smallint, 3::smallint, 5::smallint, 2::smallint, 2::smallint),
    (7::smallint, 'New Customers', 'R5F1M1', 'Recent first-time buyers',
        ARRAY['Start a welcome series', 'Follow up on the first purchase'],
        4::smallint, 5::smallint, 1::smallint, 1::smallint, 1::smallint, 5::smallint),
    (8::smallint, 'Hibernating', 'R1F1M2', 'Lapsed, infrequent, low spenders',
        ARRAY['Offer deep discounts', 'Run re-activation campaigns', 'Sunset if unresponsive'],
        1::smallint, 2::smallint, 1::smallint, 2::smallint, 1::smallint, 2::smallint)
) AS rule (position, name, code, description, recommended_actions, r_min, r_max, f_min, f_max, m_min, m_max);

-- classic11: the 11 segments of the RFM module (seed 004), in its CASE order. Two rules are
-- shadowed by earlier ones exactly as in the seed (New Customers by Potential Loyalists, Lost by
-- Hibernating); the coverage report shows it.
WITH scheme AS (
    INSERT INTO scoring.segment_schemes (business_id, key, version, name, description, bins,
                                         fallback_name, fallback_code, fallback_description, fallback_actions)
    VALUES (NULL, 'classic11', 1, 'Classic 11 segments',
            'The 11 RFM segments of the RFM analysis module.', 5,
            'Others', 'OTHERS', 'Customers that match none of the 11 segment rules.',
            ARRAY['Review individually', 'Include in general campaigns'])
    RETURNING id
)
INSERT INTO scoring.segment_rules (scheme_id, position, name, code, description, recommended_actions,
                                   r_min, r_max, f_min, f_max, m_min, m_max)
SELECT scheme.id, rule.*
FROM scheme, (VALUES
    (1::smallint, 'Champions', 'CHAMPIONS', 'High value, frequent, recent customers',
        ARRAY['Reward with loyalty perks', 'Ask for referrals'],
        5::smallint, 5::smallint, 5::smallint, 5::smallint, 5::smallint, 5::smallint),
    (2::smallint, 'Loyal Customers', 'LOYAL_CUSTOMERS', 'Regular customers with good value',
        ARRAY['Upsell higher-value products', 'Offer loyalty programme tiers'],
        4::smallint, 5::smallint, 4::smallint, 5::smallint, 3::smallint, 5::smallint),
    (3::smallint, 'Potential Loyalists', 'POTENTIAL_LOYALISTS', 'Recent customers with potential',
        ARRAY['Offer membership or loyalty sign-up', 'Recommend related products'],
        4::smallint, 5::smallint, 1::smallint, 3::smallint, 1::smallint, 3::smallint),
    (4::smallint, 'New Customers', 'NEW_CUSTOMERS', 'Recent but low frequency/value',
        ARRAY['Provide onboarding support', 'Build the relationship early'],
        4::smallint, 5::smallint, 1::smallint, 1::smallint, 1::smallint, 2::smallint),
    (5::smallint, 'Promising', 'PROMISING', 'Recent customers with moderate value',
        ARRAY['Create brand awareness', 'Offer free trials'],
        4::smallint, 5::smallint, 1::smallint, 1::smallint, 3::smallint, 5::smallint),
    (6::smallint, 'Need Attention', 'NEED_ATTENTION', 'Average customers at risk',
        ARRAY['Make limited-time offers', 'Recommend based on past purchases'],
        3::smallint, 3::smallint, 3::smallint, 3::smallint, 3::smallint, 3::smallint),
    (7::smallint, 'About to Sleep', 'ABOUT_TO_SLEEP', 'Low frequency, recent customers',
        ARRAY['Share valuable resources', 'Recommend popular products'],
        3::smallint, 3::smallint, 1::smallint, 2::smallint, 1::smallint, 2::smallint),
    (8::smallint, 'At Risk', 'AT_RISK', 'Previously frequent, now declining',
        ARRAY['Send personalised reactivation emails', 'Offer renewals'],
        1::smallint, 2::smallint, 4::smallint, 5::smallint, 3::smallint, 5::smallint),
    (9::smallint, 'Cannot Lose Them', 'CANNOT_LOSE_THEM', 'High value but infrequent',
        ARRAY['Win them back with new products', 'Talk to them'],
        1::smallint, 2::smallint, 1::smallint, 2::smallint, 4::smallint, 5::smallint),
    (10::smallint, 'Hibernating', 'HIBERNATING', 'Low activity, low value',
        ARRAY['Offer other relevant products', 'Offer special discounts'],
        1::smallint, 2::smallint, 1::smallint, 2::smallint, 1::smallint, 3::smallint),
    (11::smallint, 'Lost', 'LOST', 'No recent activity, low value',
        ARRAY['Revive interest with an outreach campaign', 'Otherwise ignore'],
        1::smallint, 1::smallint, 1::smallint, 1::smallint, 1::smallint, 1::smallint)
) AS rule (position, name, code, description, recommended_actions, r_min, r_max, f_min, f_max, m_min, m_max);

-- rfgrid10: the common 10-segment grid over R x F (M is not used). Every one of the 25 (R, F)
-- cells belongs to exactly one rule, so nothing falls to the fallback and no rule overlaps another.
--   F:     1            2            3            4            5
--   R=5    New          Pot.Loyal.   Pot.Loyal.   Champions    Champions
--   R=4    Promising    Pot.Loyal.   Pot.Loyal.   Loyal        Loyal
--   R=3    AboutToSleep AboutToSleep NeedAttn.    Loyal        Loyal
--   R=2    Hibernating  Hibernating  At Risk      At Risk      Can't Lose
--   R=1    Hibernating  Hibernating  At Risk      At Risk      Can't Lose
WITH scheme AS (
    INSERT INTO scoring.segment_schemes (business_id, key, version, name, description, bins,
                                         fallback_name, fallback_code, fallback_description, fallback_actions)
    VALUES (NULL, 'rfgrid10', 1, 'R x F grid, 10 segments',
            'The widely used 10-segment grid over recency and frequency scores; covers all 25 R/F cells.', 5,
            'Others', 'OTHERS', 'Unreachable: the grid covers every cell.', ARRAY[]::text[])
    RETURNING id
)
INSERT INTO scoring.segment_rules (scheme_id, position, name, code, description, recommended_actions,
                                   r_min, r_max, f_min, f_max, m_min, m_max)
SELECT scheme.id, rule.*
FROM scheme, (VALUES
    (1::smallint, 'Champions', 'CHAMPIONS', 'Bought recently, buy often',
        ARRAY['Reward them', 'Make them early adopters of new products', 'Ask for reviews and referrals'],
        5::smallint, 5::smallint, 4::smallint, 5::smallint, 1::smallint, 5::smallint),
    (2::smallint, 'Loyal Customers', 'LOYAL_CUSTOMERS', 'Buy regularly and responded to promotions',
        ARRAY['Upsell higher-value products', 'Ask for reviews'],
        3::smallint, 4::smallint, 4::smallint, 5::smallint, 1::smallint, 5::smallint),
    (3::smallint, 'Potential Loyalists', 'POTENTIAL_LOYALISTS', 'Recent customers with more than one purchase',
        ARRAY['Offer a membership or loyalty programme', 'Recommend other products'],
        4::smallint, 5::smallint, 2::smallint, 3::smallint, 1::smallint, 5::smallint),
    (4::smallint, 'New Customers', 'NEW_CUSTOMERS', 'Bought very recently, for the first time',
        ARRAY['Provide onboarding support', 'Start building the relationship'],
        5::smallint, 5::smallint, 1::smallint, 1::smallint, 1::smallint, 5::smallint),
    (5::smallint, 'Promising', 'PROMISING', 'Recent first-time buyers',
        ARRAY['Create brand awareness', 'Offer free trials'],
        4::smallint, 4::smallint, 1::smallint, 1::smallint, 1::smallint, 5::smallint),
    (6::smallint, 'Need Attention', 'NEED_ATTENTION', 'Average recency and frequency',
        ARRAY['Make limited-time offers', 'Recommend based on purchase history'],
        3::smallint, 3::smallint, 3::smallint, 3::smallint, 1::smallint, 5::smallint),
    (7::smallint, 'About to Sleep', 'ABOUT_TO_SLEEP', 'Below-average recency and frequency',
        ARRAY['Share valuable resources', 'Recommend popular products', 'Reconnect with discounts'],
        3::smallint, 3::smallint, 1::smallint, 2::smallint, 1::smallint, 5::smallint),
    (8::smallint, 'At Risk', 'AT_RISK', 'Bought often, but long ago',
        ARRAY['Send personalised emails to reconnect', 'Offer renewals', 'Provide helpful resources'],
        1::smallint, 2::smallint, 3::smallint, 4::smallint, 1::smallint, 5::smallint),
    (9::smallint, 'Can''t Lose Them', 'CANT_LOSE_THEM', 'Bought most often, but not for a long time',
        ARRAY['Win them back with renewals or newer products', 'Talk to them'],
        1::smallint, 2::smallint, 5::smallint, 5::smallint, 1::smallint, 5::smallint),
    (10::smallint, 'Hibernating', 'HIBERNATING', 'Last purchase long ago, few orders (lost)',
        ARRAY['Offer other relevant products and special discounts', 'Recreate brand value'],
        1::smallint, 2::smallint, 1::smallint, 2::smallint, 1::smallint, 5::smallint)
) AS rule (position, name, code, description, recommended_actions, r_min, r_max, f_min, f_max, m_min, m_max);
